import { type MailLimits, mailLimits } from './limits.js';
import { rawMessage, type SourceItem, sourceProblem } from './raw-message.js';
import { ioDetail, readFileCapped } from './read-file-capped.js';

/**
 * One .eml file: one message, its bytes exactly as on disk. The file's time is not used as the
 * reception time: an .eml is usually saved (or exported) later than it arrived.
 */
export async function readEml(path: string, limits: Partial<MailLimits> = {}): Promise<SourceItem> {
  const { maxMessageBytes } = mailLimits(limits);
  const source = { kind: 'eml' as const, location: path };
  try {
    const read = await readFileCapped(path, maxMessageBytes);
    if ('tooLarge' in read) {
      return sourceProblem(source, 'MAIL_TOO_LARGE', { size: read.tooLarge, max: maxMessageBytes });
    }
    return rawMessage(source, read.bytes);
  } catch (e) {
    return sourceProblem(source, 'MAILBOX_UNREADABLE', { path, detail: ioDetail(e) });
  }
}
