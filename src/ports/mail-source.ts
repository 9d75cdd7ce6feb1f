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

/**
 * A message over the size cap whose header could be read without its body (IMAP): `message.bytes`
 * holds only the top-level header fields an answer needs, and `message.sha256` is theirs. Enough
 * to record it once, by its IMAP identity, and to tell its sender; never a submission.
 */
export interface TooLargeMail {
  message: RawMail;
  /** The message's whole size and the cap it is over, in bytes. */
  size: number;
  max: number;
}

export type RawMailItem =
  | { type: 'message'; message: RawMail }
  | ({ type: 'too-large' } & TooLargeMail)
  | { type: 'problem'; problem: RawMailProblem };
