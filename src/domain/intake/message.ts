import type { FileKind } from '../manuscript/model.js';
import type { ErrorCode, ErrorParams } from '../shared/errors.js';

/**
 * A received e-mail as plain values: what the mail-in adapters make of the raw bytes, and what
 * the intake rules (automatic replies, contact details, threads) read. Nothing here is trusted:
 * every string came from the sender, already cleaned of control characters where it matters.
 */

/** A mailbox whose address passed validation (a plain addr-spec, see parse-addresses.ts). */
export interface MailAddress {
  /** Local part as written, domain in lower case. */
  address: string;
  /** Display name without control or bidi characters; '' when none. */
  name: string;
}

/** An address field value we refused, kept escaped for display; never used to send anything. */
export interface RejectedAddress {
  field: 'from' | 'sender' | 'reply-to' | 'to' | 'cc' | 'return-path' | 'delivered-to';
  /** The value with control and bidi characters shown as \u{…}, capped in length. */
  shown: string;
}

/** Where `receivedAt` comes from, best first. The deadline finding says which one was used. */
export type ReceivedAtSource = 'received-header' | 'imap-internal-date' | 'file-time' | 'date-header';

/** Headers that tell a person's message from an automatic one (RFC 3834 and common practice). */
export interface AutomationHeaders {
  autoSubmitted?: string;
  precedence?: string;
  /** Names (lower case) of the List-* headers present: list-id, list-unsubscribe … */
  listHeaders: string[];
  xAutoreply?: string;
  xAutoResponseSuppress?: string;
  /** Our own marker on receipts and letters (see automatic.ts, RECEIPT_HEADER). */
  appelReceipt?: string;
  /** The raw Return-Path value, when the message has one. */
  returnPath?: string;
  /** Return-Path is `<>`: a bounce or another message that must never be answered. */
  returnPathEmpty: boolean;
  /** The top-level content type, lower case (multipart/report marks delivery reports). */
  contentType?: string;
}

export type DmarcResult = 'pass' | 'fail' | 'none' | 'temperror' | 'permerror' | 'unknown';

export interface IncomingAttachment {
  /** Safe to show and to store as a name: no path, no control or bidi characters, capped. */
  filename: string;
  /** The name as sent, control and bidi characters escaped as \u{…}; null when none was given. */
  originalFilename: string | null;
  /** As declared by the sender (lower case); the kind below is what the content really is. */
  contentType: string;
  disposition: 'attachment' | 'inline' | null;
  bytes: Buffer;
  sha256: string;
  /** Recognised by content, never by name or declared type. */
  kind: FileKind;
}

export interface MailProblem {
  code: ErrorCode;
  params: ErrorParams;
}

export interface IncomingMessage {
  sha256: string;
  size: number;
  from?: MailAddress;
  sender?: MailAddress;
  replyTo: MailAddress[];
  to: MailAddress[];
  cc: MailAddress[];
  /** Envelope sender (Return-Path) when it is a valid address. */
  returnPath?: string;
  /** Which of our addresses the server delivered it to (Delivered-To), when valid: tells calls apart. */
  deliveredTo?: string;
  rejectedAddresses: RejectedAddress[];
  subject: string;
  /** The sender's Date header: shown, never used for the deadline. */
  dateHeader?: Date;
  messageId?: string;
  inReplyTo?: string;
  references: string[];
  receivedAt?: Date;
  receivedAtSource?: ReceivedAtSource;
  automation: AutomationHeaders;
  dmarc: DmarcResult;
  /** The plain text body, or the text of the HTML body; capped. */
  text: string;
  textFrom: 'plain' | 'html' | 'none';
  /** A guess from the words of the subject and body; undefined when too little text. */
  language?: 'fr' | 'en';
  attachments: IncomingAttachment[];
  /** What could not be read, bounded and coded; the message is still usable as far as it goes. */
  problems: MailProblem[];
}
