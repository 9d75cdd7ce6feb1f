/**
 * Replies to our own letters. Every letter appel sends has a Message-ID made from its outbox job
 * (`<appel.{job id}.{16 hex}@domain>`, process-outbox.ts), and a mail client puts it in the reply's
 * In-Reply-To and References. A reply to a review request is a reader writing back — with their
 * annotated text attached, as often as not — and must never be taken for a new submission.
 */

const OUR_MESSAGE_ID = /^<appel\.(\d{1,15})\.([0-9a-f]{16})@[^<>\s]+>$/;

/** At most this many references are looked at (a long thread's oldest are the first letters). */
const MAX_REFERENCES = 10;

export interface LetterReference {
  jobId: number;
  messageId: string;
}

/** The outbox jobs a message answers, from its In-Reply-To first, then its References, newest first. */
export function ourLetterReferences(
  inReplyTo: string | undefined,
  references: readonly string[],
): LetterReference[] {
  const ids = [inReplyTo, ...[...references].reverse()].filter((x): x is string => !!x);
  const found: LetterReference[] = [];
  for (const messageId of new Set(ids)) {
    const m = OUR_MESSAGE_ID.exec(messageId.trim());
    if (m) found.push({ jobId: Number(m[1]), messageId: messageId.trim() });
    if (found.length >= MAX_REFERENCES) break;
  }
  return found;
}

/**
 * The review a letter was about, from the letter's dedupe key: `review-request:{review}`, or a
 * reminder, `review-reminder:{review}:{link hash}` (reminders queued before the review's id was
 * in the key name only the link's hash, which a later reminder replaces).
 */
export function reviewOfLetter(
  dedupeKey: string | null,
): { reviewId: string } | { tokenHash: string } | null {
  if (dedupeKey?.startsWith('review-request:'))
    return { reviewId: dedupeKey.slice('review-request:'.length) };
  if (!dedupeKey?.startsWith('review-reminder:')) return null;
  const rest = dedupeKey.slice('review-reminder:'.length);
  const colon = rest.indexOf(':');
  return colon > 0 ? { reviewId: rest.slice(0, colon) } : { tokenHash: rest };
}
