/**
 * Sending mail. Two adapters: SMTP (nodemailer) when a server is configured, and an outbox folder
 * of .eml files (the embedded default, nothing leaves the machine). Both take the same plain values
 * and build the same RFC 5322 message (adapters/mail-out/compose.ts).
 */

export interface MailAddress {
  /** An addr-spec, "name@example.org"; anything else is refused (MAIL_ADDRESS_INVALID). */
  address: string;
  /** A display name; control characters are removed before it reaches a header. */
  name?: string;
}

export interface OutgoingMail {
  to: MailAddress;
  subject: string;
  /** The reference version of the letter. */
  text: string;
  /** The same letter in HTML, sent as an alternative to the text. */
  html?: string;
  /** The Message-ID of the message this one answers. Invalid ids are left out, never copied. */
  inReplyTo?: string;
  /** The thread's Message-IDs, oldest first (the original's References, then its own id). */
  references?: string[];
  /**
   * Our Message-ID, "<local@domain>". Give a stable one (per outbox job): a message sent again
   * after a crash then carries the same id, and the outbox folder keeps one file for it.
   */
  messageId?: string;
  /** The sender; the mailer's configured address when absent (one journal per deployment). */
  from?: MailAddress;
  /** Where replies go, when not to the sender. */
  replyTo?: MailAddress;
  /** RFC 3834: an answer to a message is "auto-replied" (the default), a reminder "auto-generated". */
  autoSubmitted?: 'auto-replied' | 'auto-generated';
}

export interface SentMail {
  messageId: string;
  /** What the SMTP server answered ("250 2.0.0 Ok: queued as …"), or where the file was written. */
  response: string;
  accepted: string[];
  rejected: string[];
}

export interface Mailer {
  /** Resolves once the message is accepted (SMTP 250) or durably written; throws otherwise. */
  send(mail: OutgoingMail): Promise<SentMail>;
  close(): Promise<void>;
}
