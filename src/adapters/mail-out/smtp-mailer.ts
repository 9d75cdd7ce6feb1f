import nodemailer from 'nodemailer';
import { AppError } from '../../domain/shared/errors.js';
import type { Mailer, OutgoingMail, SentMail } from '../../ports/mailer.js';
import { type ComposeOptions, composeMessage } from './compose.js';

/**
 * Sends through an SMTP server with nodemailer. The message is composed once (compose.ts) and
 * handed over as raw bytes with an explicit envelope: nodemailer adds nothing and reads no file
 * or URL (both kinds of access are off as well, in case a future option would make it try).
 */

export interface SmtpMailerConfig extends ComposeOptions {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure?: boolean;
  /** Refuse to send in clear when the server does not offer STARTTLS. */
  requireTLS?: boolean;
  auth?: { user: string; pass: string };
  /** The name we give in EHLO; the machine's name when absent. */
  clientName?: string;
  tls?: { rejectUnauthorized?: boolean; servername?: string };
  /**
   * Milliseconds. Together they must stay well under the outbox lease, so that a hung server
   * makes the send fail (and be retried) before another worker could take the job over.
   */
  timeouts?: { connectionMs?: number; greetingMs?: number; socketMs?: number };
}

const DEFAULT_TIMEOUTS = { connectionMs: 30_000, greetingMs: 30_000, socketMs: 60_000 };

/** SMTP replies may quote addresses ("550 <jean@…> unknown"): what we keep of them never holds one. */
export function redactAddresses(text: string): string {
  return text.replace(/[^\s<>@"'(),;:]+@[^\s<>@"'(),;:]+/g, '[address]');
}

interface SmtpFailure {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

/** "451 4.3.0 Try again later (EENVELOPE)" — the server's words, without any address. */
export function describeSmtpFailure(e: unknown): { detail: string; responseCode: number | null } {
  const f = (typeof e === 'object' && e !== null ? e : { message: String(e) }) as SmtpFailure;
  const said = f.response ?? f.message ?? 'unknown error';
  const code = f.code ? ` (${f.code})` : '';
  const detail = redactAddresses(`${said}${code}`.replace(/\s+/g, ' ').trim()).slice(0, 300);
  return { detail, responseCode: typeof f.responseCode === 'number' ? f.responseCode : null };
}

export class SmtpMailer implements Mailer {
  private readonly transport: ReturnType<typeof nodemailer.createTransport>;

  constructor(private readonly config: SmtpMailerConfig) {
    const t = { ...DEFAULT_TIMEOUTS, ...config.timeouts };
    this.transport = nodemailer.createTransport({
      host: config.host,
      port: config.port,
      secure: config.secure ?? false,
      requireTLS: config.requireTLS ?? false,
      ...(config.auth ? { auth: config.auth } : {}),
      ...(config.clientName ? { name: config.clientName } : {}),
      ...(config.tls ? { tls: config.tls } : {}),
      connectionTimeout: t.connectionMs,
      greetingTimeout: t.greetingMs,
      socketTimeout: t.socketMs,
      disableFileAccess: true,
      disableUrlAccess: true,
      // nodemailer's logger would print addresses and message data: personal data stays out of logs.
      logger: false,
      debug: false,
    });
  }

  async send(mail: OutgoingMail): Promise<SentMail> {
    const message = await composeMessage(mail, this.config);
    try {
      const info = await this.transport.sendMail({
        envelope: message.envelope,
        raw: message.raw,
        disableFileAccess: true,
        disableUrlAccess: true,
      });
      return {
        messageId: message.messageId,
        response: redactAddresses(String(info.response ?? '')),
        accepted: (info.accepted ?? []).map(String),
        rejected: (info.rejected ?? []).map(String),
      };
    } catch (e) {
      const { detail, responseCode } = describeSmtpFailure(e);
      const error = new AppError('MAIL_SEND_FAILED', { detail, ...(responseCode ? { responseCode } : {}) });
      error.cause = e;
      throw error;
    }
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
