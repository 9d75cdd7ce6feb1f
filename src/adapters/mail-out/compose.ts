import { randomUUID } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import { AppError } from '../../domain/shared/errors.js';
import type { MailAddress, OutgoingMail } from '../../ports/mailer.js';
import { headerText, safeAddress, safeMessageId, safeReferences } from './header-safety.js';

/**
 * Builds the RFC 5322 message with nodemailer's MailComposer. Both mailers send exactly these
 * bytes, so what the outbox folder holds is what an SMTP server would have received.
 */

export interface ComposeOptions {
  /** The journal's address (configuration), used when the mail names no sender. */
  from: MailAddress;
  /** The domain of our Message-IDs; the sender's domain when absent. */
  messageIdDomain?: string;
  /** The Date header; now when absent (tests pass a fixed one). */
  date?: Date;
}

export interface ComposedMessage {
  raw: Buffer;
  messageId: string;
  /** The SMTP envelope: exactly one recipient, the checked To address. */
  envelope: { from: string; to: string[] };
}

/** Marks our own messages, so that a receipt that comes back to the intake mailbox is recognised. */
export const RECEIPT_HEADER = 'X-Appel-Receipt';

const DOMAIN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/i;

function messageIdDomain(options: ComposeOptions, from: MailAddress): string {
  const domain = options.messageIdDomain ?? from.address.slice(from.address.lastIndexOf('@') + 1);
  if (!DOMAIN.test(domain)) throw new AppError('MAIL_ADDRESS_INVALID', { field: 'messageIdDomain' });
  return domain.toLowerCase();
}

/** A Message-ID of our own domain: a given one if valid, a random one otherwise. */
function ownMessageId(mail: OutgoingMail, domain: string): string {
  const given = safeMessageId(mail.messageId);
  return given ?? `<${randomUUID()}@${domain}>`;
}

export async function composeMessage(mail: OutgoingMail, options: ComposeOptions): Promise<ComposedMessage> {
  const from = safeAddress(mail.from ?? options.from, 'from');
  const to = safeAddress(mail.to, 'to');
  const replyTo = mail.replyTo === undefined ? undefined : safeAddress(mail.replyTo, 'replyTo');
  const messageId = ownMessageId(mail, messageIdDomain(options, from));
  const inReplyTo = safeMessageId(mail.inReplyTo);
  const references = safeReferences(mail.references);
  if (inReplyTo !== null && !references.includes(inReplyTo)) references.push(inReplyTo);

  const composer = new MailComposer({
    from,
    to,
    ...(replyTo ? { replyTo } : {}),
    subject: headerText(mail.subject),
    messageId,
    date: options.date ?? new Date(),
    ...(inReplyTo !== null ? { inReplyTo } : {}),
    ...(references.length > 0 ? { references } : {}),
    headers: {
      // RFC 3834: an automatic answer; well-behaved responders do not answer it in turn.
      'Auto-Submitted': mail.autoSubmitted ?? 'auto-replied',
      // Exchange and Outlook: no out-of-office replies to this message.
      'X-Auto-Response-Suppress': 'All',
      [RECEIPT_HEADER]: '1',
    },
    text: mail.text,
    ...(mail.html !== undefined ? { html: mail.html } : {}),
    // Content is given as strings only: nothing may be read from a path or fetched from a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
    newline: 'windows',
  });
  const raw = await composer.compile().build();
  return { raw, messageId, envelope: { from: from.address, to: [to.address] } };
}
