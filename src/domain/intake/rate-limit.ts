/**
 * Which automatic replies may go to a sender (RFC 3834 §2: no loops, no floods). Messages sent by
 * programs (Auto-Submitted, bounces, list headers …) are never answered at all: automatic.ts
 * decides that first. Among messages written by people, two kinds of letter:
 *
 * - A receipt, for a message that recorded something (a submission, a new version): always, one
 *   per message. It is the record of what we hold, and an author who forgot the file, or sends a
 *   lighter one an hour later, must get it. It cannot feed a loop: an auto-responder never sends
 *   a Word manuscript we do not already have (the same file again records nothing).
 * - A notice, for a message that recorded nothing (no manuscript, too large, a decision already
 *   taken …): a few per sender per day, so that a person who tries twice still hears back, while
 *   two auto-responders that escaped detection stop after a few letters.
 *
 * "A day" is the 24 hours before now: it needs no time zone and cannot be gamed around midnight.
 */
export type ReplyKind = 'receipt' | 'notice';

/** Notices per sender in any 24 hours. */
export const NOTICES_PER_DAY = 3;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Where the window in which replies are counted begins. */
export function replyWindowStart(now: Date): Date {
  return new Date(now.getTime() - DAY_MS);
}

/**
 * Whether a reply of this kind may go, given the automatic replies this sender was sent since
 * `replyWindowStart(now)`. Receipts count towards the cap of later notices: the ledger counts every
 * reply, and a person who was just sent a receipt needs fewer notices, not more.
 */
export function mayReply(kind: ReplyKind, repliesInWindow: number, perDay = NOTICES_PER_DAY): boolean {
  return kind === 'receipt' || repliesInWindow < perDay;
}
