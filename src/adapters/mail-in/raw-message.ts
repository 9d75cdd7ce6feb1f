import { createHash } from 'node:crypto';
import type { ErrorCode, ErrorParams } from '../../domain/shared/errors.js';

/**
 * What every mail source produces: the message's bytes exactly as stored, their fingerprint and
 * where they came from. No parsing and no decision here; the import use case stores the bytes
 * first (content-addressed by sha256) and only then reads them.
 */
export interface RawMessageSource {
  kind: 'eml' | 'mbox' | 'maildir' | 'imap';
  /** A file path, a path#n for the n-th message of an mbox (from 1), or imap://host/mailbox. */
  location: string;
  /** IMAP only: the mailbox path, its UIDVALIDITY and the message's UID. */
  mailbox?: string;
  uidValidity?: number;
  uid?: number;
  /** mbox only: the message's position (from 1) and the byte offset of its "From " line. */
  index?: number;
  offset?: number;
}

export interface RawMessage {
  source: RawMessageSource;
  bytes: Buffer;
  /** Lower-case hex SHA-256 of `bytes`. */
  sha256: string;
  /** When the mailbox got it: the IMAP internal date or the Maildir file's time. */
  receivedAt?: Date;
  receivedAtSource?: 'imap-internal-date' | 'file-time';
}

/** A message a source could not hand over (too large, unreadable); the reading goes on. */
export interface SourceProblem {
  source: RawMessageSource;
  code: ErrorCode;
  params: ErrorParams;
}

export type SourceItem =
  | { type: 'message'; message: RawMessage }
  | { type: 'problem'; problem: SourceProblem };

/**
 * A message over the size cap whose header a server could give alone (IMAP): `message.bytes` is
 * that header, never the body. Files have no such thing: theirs stay problems.
 */
export interface TooLargeItem {
  type: 'too-large';
  message: RawMessage;
  size: number;
  max: number;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

type Received = { at: Date; from: 'imap-internal-date' | 'file-time' };

export function rawMessage(source: RawMessageSource, bytes: Buffer, received?: Received): SourceItem {
  return { type: 'message', message: rawMessageOf(source, bytes, received) };
}

export function rawMessageOf(source: RawMessageSource, bytes: Buffer, received?: Received): RawMessage {
  const message: RawMessage = { source, bytes, sha256: sha256Hex(bytes) };
  if (received && !Number.isNaN(received.at.getTime())) {
    message.receivedAt = received.at;
    message.receivedAtSource = received.from;
  }
  return message;
}

export function sourceProblem(source: RawMessageSource, code: ErrorCode, params: ErrorParams): SourceItem {
  return { type: 'problem', problem: { source, code, params } };
}
