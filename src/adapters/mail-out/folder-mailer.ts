import { mkdir } from 'node:fs/promises';
import { AppError } from '../../domain/shared/errors.js';
import type { Mailer, OutgoingMail, SentMail } from '../../ports/mailer.js';
import { writeDurably } from '../files/durable.js';
import { type ComposeOptions, composeMessage } from './compose.js';

/**
 * The embedded default when no SMTP server is configured: each message is written as an .eml file
 * into DATA/outbox/, where a person (or another program) can open, forward or send it. "Sent"
 * means the file is durable: a temporary file is written and fsynced, renamed to its final name,
 * and the folder is fsynced so that the name survives a power cut.
 */

/**
 * The file name comes from the Message-ID alone (never from an author's value), reduced to safe
 * characters: the same message written twice after a crash replaces its own file.
 */
export function emlFileName(messageId: string): string {
  const core = messageId
    .replace(/^<|>$/g, '')
    .replace(/@/g, '_at_')
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .replace(/^\.+/, '')
    .slice(0, 180);
  return `${core || 'message'}.eml`;
}

export class FolderMailer implements Mailer {
  constructor(
    /** DATA/outbox */
    private readonly dir: string,
    private readonly options: ComposeOptions,
  ) {}

  async send(mail: OutgoingMail): Promise<SentMail> {
    const message = await composeMessage(mail, this.options);
    const name = emlFileName(message.messageId);
    try {
      await mkdir(this.dir, { recursive: true, mode: 0o700 });
      await writeDurably(this.dir, name, message.raw);
    } catch (e) {
      const detail = e instanceof Error && 'code' in e ? String(e.code) : 'write failed';
      const error = new AppError('DATA_DIR_UNUSABLE', { dir: this.dir, detail });
      error.cause = e;
      throw error;
    }
    return {
      messageId: message.messageId,
      response: `written ${name}`,
      accepted: message.envelope.to,
      rejected: [],
    };
  }

  async close(): Promise<void> {}
}
