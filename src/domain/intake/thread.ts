import { titleSimilarity } from './title-similarity.js';

/**
 * Whether a message continues a submission we already have: a new version, or a complement
 * (the phone number the receipt asked for). Inputs are plain values the import use case gathers;
 * the decision to record a new version or a new submission stays with it.
 *
 * A reply's In-Reply-To/References can be copied by anyone who saw the thread, so a reference
 * alone does not attach a message to a submission: its sender must be one of the submission's
 * known addresses; otherwise the match is « ambiguous », for a coordinator to look at.
 */
export interface ThreadCandidate {
  submissionId: string;
  callId: string;
  /** Message-IDs of the thread: the author's messages and our receipts and letters. */
  messageIds: readonly string[];
  /** The author's addresses known for this submission (lower case). */
  senders: readonly string[];
  /** The manuscript's title, and the subject of the first message. */
  titles: readonly string[];
  /** SHA-256 of every file received for this submission. */
  fileHashes: readonly string[];
}

export interface ThreadMessage {
  sender?: string;
  callId?: string;
  inReplyTo?: string;
  references: readonly string[];
  /** The subject, and the title of the attached manuscript when read. */
  titles: readonly string[];
  /** SHA-256 of the manuscripts attached. */
  fileHashes: readonly string[];
}

export type ThreadMatch =
  | { kind: 'same-file'; submissionId: string }
  | {
      kind: 'follow-up';
      submissionId: string;
      by: 'in-reply-to' | 'references' | 'sender-and-title' | 'sender-and-call';
      /** A manuscript we have not seen: a new version. Without one: a complement. */
      newFile: boolean;
    }
  | { kind: 'ambiguous'; submissionIds: string[]; reason: 'other-sender' | 'several-candidates' }
  | { kind: 'new' };

export const TITLE_THRESHOLD = 0.5;

const lower = (s: string | undefined) => s?.toLowerCase();

function bestTitle(message: ThreadMessage, candidate: ThreadCandidate): number {
  let best = 0;
  for (const a of message.titles)
    for (const b of candidate.titles) best = Math.max(best, titleSimilarity(a, b));
  return best;
}

export function matchThread(message: ThreadMessage, candidates: readonly ThreadCandidate[]): ThreadMatch {
  const sender = lower(message.sender);
  const fromSender = (c: ThreadCandidate) =>
    sender !== undefined && c.senders.some((s) => lower(s) === sender);
  const newFile = (c: ThreadCandidate) => message.fileHashes.some((h) => !c.fileHashes.includes(h));

  // The same file again, from the same person: nothing new to record.
  const sameFile = candidates.filter((c) => fromSender(c) && message.fileHashes.length > 0 && !newFile(c));
  if (sameFile[0]) return { kind: 'same-file', submissionId: sameFile[0].submissionId };

  for (const [by, ids] of [
    ['in-reply-to', message.inReplyTo ? [message.inReplyTo] : []],
    ['references', [...message.references].reverse()],
  ] as const) {
    for (const id of ids) {
      const hits = candidates.filter((c) => c.messageIds.includes(id));
      if (hits.length === 0) continue;
      const own = hits.filter(fromSender);
      if (own.length === 1 && own[0]) {
        return { kind: 'follow-up', submissionId: own[0].submissionId, by, newFile: newFile(own[0]) };
      }
      return {
        kind: 'ambiguous',
        submissionIds: hits.map((c) => c.submissionId),
        reason: own.length === 0 ? 'other-sender' : 'several-candidates',
      };
    }
  }

  const sameCall = candidates.filter(
    (c) => fromSender(c) && message.callId !== undefined && c.callId === message.callId,
  );
  if (sameCall.length === 0) return { kind: 'new' };
  const scored = sameCall.map((c) => ({ c, score: bestTitle(message, c) }));
  const alike = scored.filter((s) => s.score >= TITLE_THRESHOLD).sort((a, b) => b.score - a.score);
  if (alike.length === 1 || (alike.length > 1 && (alike[0]?.score ?? 0) > (alike[1]?.score ?? 0))) {
    const c = (alike[0] as { c: ThreadCandidate }).c;
    return { kind: 'follow-up', submissionId: c.submissionId, by: 'sender-and-title', newFile: newFile(c) };
  }
  if (alike.length > 1) {
    return {
      kind: 'ambiguous',
      submissionIds: alike.map((s) => s.c.submissionId),
      reason: 'several-candidates',
    };
  }
  // One earlier submission from this sender to this call and no title to tell them apart: the
  // same work. Titles that are known and differ mean a second proposal.
  const only = sameCall.length === 1 ? sameCall[0] : undefined;
  const titlesKnown = message.titles.some(Boolean) && (only?.titles.some(Boolean) ?? false);
  if (only && !titlesKnown) {
    return {
      kind: 'follow-up',
      submissionId: only.submissionId,
      by: 'sender-and-call',
      newFile: newFile(only),
    };
  }
  return { kind: 'new' };
}
