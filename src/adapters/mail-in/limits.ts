/**
 * Caps for reading mail. Mail is untrusted input: every cap turns into a coded problem on the
 * message (or a problem item from the source), never a crash, and the rest goes on.
 */
export interface MailLimits {
  /** One raw message. Larger messages are kept as a problem, not parsed. */
  maxMessageBytes: number;
  /** Messages read from one mbox file or one Maildir folder. */
  maxMessages: number;
  /** MIME parts read in one message; the first ones are kept. */
  maxParts: number;
  /** All header blocks of a message together. */
  maxHeaderBytes: number;
  /** Nested multiparts (and forwarded messages) in one message. */
  maxDepth: number;
  /** Characters of body text kept (for contact details and the language hint). */
  maxTextChars: number;
  /** Characters of an attachment's name. */
  maxFilenameChars: number;
}

export const DEFAULT_MAIL_LIMITS: MailLimits = {
  maxMessageBytes: 25 * 1024 * 1024,
  maxMessages: 100_000,
  maxParts: 200,
  maxHeaderBytes: 256 * 1024,
  maxDepth: 32,
  maxTextChars: 200_000,
  maxFilenameChars: 150,
};

/** The caps among `options` (other options pass by), over the defaults. */
export function mailLimits(options: Partial<MailLimits> = {}): MailLimits {
  const limits = { ...DEFAULT_MAIL_LIMITS };
  for (const key of Object.keys(DEFAULT_MAIL_LIMITS) as (keyof MailLimits)[]) {
    const value = options[key];
    // A cap that is not a positive integer would silently switch the check off: refuse it.
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value <= 0) throw new TypeError(`${key} must be a positive integer`);
    limits[key] = value;
  }
  return limits;
}
