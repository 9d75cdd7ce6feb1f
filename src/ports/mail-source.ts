import type { ErrorCode, ErrorParams } from '../domain/shared/errors.js';
import type { MessageSourceRef } from './message-ledger.js';

/**
 * What a mail source (an .eml file, an mbox, a Maildir, an IMAP mailbox) hands over: the raw
 * bytes exactly as received, their fingerprint and where they came from. No parsing, no decision.
 */
export interface RawMail {
  source: Omit<MessageSourceRef, 'kind'> & { kind: Exclude<MessageSourceRef['kind'], 'web'> };
  bytes: Buffer;
  sha256: string;
  receivedAt?: Date;
  receivedAtSource?: 'imap-internal-date' | 'file-time';
}

/** A message a source could not hand over (too large, unreadable): counted, and the reading goes on. */
export interface RawMailProblem {
  source: RawMail['source'];
  code: ErrorCode;
  params: ErrorParams;
}

export type RawMailItem =
  | { type: 'message'; message: RawMail }
  | { type: 'problem'; problem: RawMailProblem };
