import PostalMime, { type Email } from 'postal-mime';
import { guessLanguage } from '../../domain/intake/language.js';
import type {
  IncomingAttachment,
  IncomingMessage,
  MailProblem,
  ReceivedAtSource,
} from '../../domain/intake/message.js';
import { escapeForDisplay, stripUnsafe } from './escape.js';
import {
  automationHeaders,
  dmarcResult,
  messageIds,
  parseMailDate,
  topReceivedDate,
} from './header-facts.js';
import { essentialHeaders } from './header-only.js';
import { htmlToText } from './html-to-text.js';
import { identifyAttachment } from './identify-attachment.js';
import { type MailLimits, mailLimits } from './limits.js';
import { checkAddresses } from './parse-addresses.js';
import { type RawMessage, sha256Hex } from './raw-message.js';
import { sanitiseFilename } from './sanitise-filename.js';
import { scanParts } from './scan-parts.js';

/**
 * Turns a raw message into an IncomingMessage. It never throws for a bad message: every cap it
 * meets becomes a coded problem on the result, and whatever could be read is kept (at worst the
 * sender, subject and dates, read from the top-level headers alone).
 */
export interface ParseOptions extends Partial<MailLimits> {
  /** Our server's authserv-id, to read its Authentication-Results and no one else's. */
  authservId?: string;
}

export async function parseMessage(
  raw: Pick<RawMessage, 'bytes'> & Partial<Pick<RawMessage, 'sha256' | 'receivedAt' | 'receivedAtSource'>>,
  options: ParseOptions = {},
): Promise<IncomingMessage> {
  const limits = mailLimits(options);
  const problems: MailProblem[] = [];
  const email = await parseCapped(raw.bytes, limits, problems);
  const headerOf = (key: string) => email.headers.find((h) => h.key === key)?.value;

  const from = checkAddresses('from', email.from, headerOf('from'));
  const sender = checkAddresses('sender', email.sender, headerOf('sender'));
  const replyTo = checkAddresses('reply-to', email.replyTo, headerOf('reply-to'));
  const to = checkAddresses('to', email.to, headerOf('to'));
  const cc = checkAddresses('cc', email.cc, headerOf('cc'));
  const returnPath = email.returnPath
    ? checkAddresses('return-path', { address: email.returnPath, name: '' }, headerOf('return-path'))
    : { valid: [], rejected: [] };
  const deliveredTo = email.deliveredTo
    ? checkAddresses('delivered-to', { address: email.deliveredTo, name: '' }, headerOf('delivered-to'))
    : { valid: [], rejected: [] };

  const text = bodyText(email, limits.maxTextChars);
  const subject = stripUnsafe(email.subject ?? '', 1000);
  const message: IncomingMessage = {
    sha256: raw.sha256 ?? sha256Hex(raw.bytes),
    size: raw.bytes.length,
    replyTo: replyTo.valid,
    to: to.valid,
    cc: cc.valid,
    rejectedAddresses: [from, sender, replyTo, to, cc, returnPath, deliveredTo].flatMap((a) => a.rejected),
    subject,
    references: messageIds(headerOf('references')),
    automation: automationHeaders(email.headers),
    dmarc: dmarcResult(email.headers, options.authservId),
    text: text.text,
    textFrom: text.from,
    attachments: await attachments(email, limits),
    problems,
  };
  if (from.valid[0]) message.from = from.valid[0];
  if (sender.valid[0]) message.sender = sender.valid[0];
  if (returnPath.valid[0]) message.returnPath = returnPath.valid[0].address;
  if (deliveredTo.valid[0]) message.deliveredTo = deliveredTo.valid[0].address;
  const dateHeader = parseMailDate(headerOf('date'));
  if (dateHeader) message.dateHeader = dateHeader;
  const [messageId] = messageIds(headerOf('message-id'), 1);
  if (messageId) message.messageId = messageId;
  const [inReplyTo] = messageIds(headerOf('in-reply-to'), 1);
  if (inReplyTo) message.inReplyTo = inReplyTo;
  const received = receptionTime(topReceivedDate(email.headers), raw, dateHeader);
  if (received) {
    message.receivedAt = received.at;
    message.receivedAtSource = received.from;
  }
  const language = guessLanguage(`${subject}\n${text.text}`);
  if (language) message.language = language;
  return message;
}

/** Parses within the caps; on a cap that stops the parse, falls back to the essential headers. */
async function parseCapped(bytes: Buffer, limits: MailLimits, problems: MailProblem[]): Promise<Email> {
  if (bytes.length > limits.maxMessageBytes) {
    problems.push({ code: 'MAIL_TOO_LARGE', params: { size: bytes.length, max: limits.maxMessageBytes } });
    return headersOnly(bytes);
  }
  const scan = scanParts(bytes, limits.maxParts);
  if (scan.cutAt !== undefined) {
    problems.push({ code: 'MAIL_TOO_MANY_PARTS', params: { count: scan.parts, max: limits.maxParts } });
  }
  try {
    return await PostalMime.parse(scan.cutAt === undefined ? bytes : bytes.subarray(0, scan.cutAt), {
      maxNestingDepth: limits.maxDepth,
      maxHeadersSize: limits.maxHeaderBytes,
      maxRfc822NestingDepth: Math.min(3, limits.maxDepth),
      attachmentEncoding: 'arraybuffer',
    });
  } catch (e) {
    const reason = e instanceof Error ? e.message : '';
    if (/header size/i.test(reason)) {
      problems.push({ code: 'MAIL_HEADER_TOO_LARGE', params: { max: limits.maxHeaderBytes } });
    } else if (/nesting depth/i.test(reason)) {
      problems.push({ code: 'MAIL_TOO_DEEP', params: { max: limits.maxDepth } });
    } else {
      problems.push({ code: 'MAIL_UNREADABLE', params: {} });
    }
    return headersOnly(bytes);
  }
}

async function headersOnly(bytes: Buffer): Promise<Email> {
  try {
    return await PostalMime.parse(essentialHeaders(bytes), { maxNestingDepth: 1 });
  } catch {
    return { headers: [], headerLines: [], attachments: [] };
  }
}

function bodyText(email: Email, max: number): { text: string; from: IncomingMessage['textFrom'] } {
  const cap = (t: string) => t.replace(/\u0000/g, '').slice(0, max);
  if (email.text?.trim()) return { text: cap(email.text), from: 'plain' };
  // The HTML is cut before conversion: its text can only be shorter than the markup.
  if (email.html?.trim()) return { text: cap(htmlToText(email.html.slice(0, max * 20))), from: 'html' };
  return { text: '', from: 'none' };
}

/**
 * When the message reached the mailbox: our server's Received header, else the time the source
 * recorded (IMAP internal date, Maildir file time), else — the weakest — the sender's Date.
 */
function receptionTime(
  topReceived: Date | undefined,
  raw: Partial<Pick<RawMessage, 'receivedAt' | 'receivedAtSource'>>,
  dateHeader: Date | undefined,
): { at: Date; from: ReceivedAtSource } | undefined {
  if (topReceived) return { at: topReceived, from: 'received-header' };
  if (raw.receivedAt && raw.receivedAtSource) return { at: raw.receivedAt, from: raw.receivedAtSource };
  if (dateHeader) return { at: dateHeader, from: 'date-header' };
  return undefined;
}

async function attachments(email: Email, limits: MailLimits): Promise<IncomingAttachment[]> {
  const out: IncomingAttachment[] = [];
  for (const [i, a] of email.attachments.slice(0, limits.maxParts).entries()) {
    const content = a.content;
    const bytes =
      typeof content === 'string'
        ? Buffer.from(content, 'base64')
        : Buffer.from(content instanceof ArrayBuffer ? new Uint8Array(content) : content);
    const disposition: IncomingAttachment['disposition'] =
      a.disposition === 'attachment' ? 'attachment' : a.disposition === 'inline' ? 'inline' : null;
    out.push({
      filename: sanitiseFilename(a.filename, `piece-jointe-${i + 1}`, limits.maxFilenameChars),
      originalFilename:
        a.filename === null ? null : escapeForDisplay(a.filename, limits.maxFilenameChars * 2),
      contentType: stripUnsafe(a.mimeType ?? '', 100).toLowerCase(),
      disposition,
      bytes,
      sha256: sha256Hex(bytes),
      kind: await identifyAttachment(bytes),
    });
  }
  return out;
}
