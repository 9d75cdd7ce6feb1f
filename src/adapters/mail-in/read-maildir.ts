import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type MailLimits, mailLimits } from './limits.js';
import { rawMessage, type SourceItem, sourceProblem } from './raw-message.js';
import { ioDetail, readFileCapped } from './read-file-capped.js';

/**
 * A Maildir folder: every file in cur/ (messages a mail program has seen) and new/ (not yet),
 * in name order, which is delivery order for the usual "time.unique.host" names. tmp/ holds
 * deliveries in progress and is left alone. The file's time is its delivery time: delivery
 * writes in tmp/ then renames, and a rename keeps the time.
 */
export async function* readMaildir(
  path: string,
  limits: Partial<MailLimits> = {},
): AsyncGenerator<SourceItem> {
  const { maxMessageBytes, maxMessages } = mailLimits(limits);
  const files: string[] = [];
  let found = 0;
  for (const sub of ['cur', 'new']) {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await readdir(join(path, sub), { withFileTypes: true });
      found++;
    } catch (e) {
      if (ioDetail(e) === 'ENOENT') continue;
      yield sourceProblem({ kind: 'maildir', location: path }, 'MAILBOX_UNREADABLE', {
        path,
        detail: ioDetail(e),
      });
      return;
    }
    const names = entries.filter((e) => e.isFile() && !e.name.startsWith('.')).map((e) => e.name);
    for (const name of names.sort()) files.push(join(path, sub, name));
  }
  if (found === 0) {
    yield sourceProblem({ kind: 'maildir', location: path }, 'MAILBOX_UNREADABLE', {
      path,
      detail: 'no cur/ or new/ folder',
    });
    return;
  }
  let count = 0;
  for (const file of files) {
    if (++count > maxMessages) {
      yield sourceProblem({ kind: 'maildir', location: path }, 'MBOX_TOO_MANY_MESSAGES', {
        path,
        max: maxMessages,
      });
      return;
    }
    const source = { kind: 'maildir' as const, location: file };
    try {
      const read = await readFileCapped(file, maxMessageBytes);
      if ('tooLarge' in read) {
        yield sourceProblem(source, 'MAIL_TOO_LARGE', { size: read.tooLarge, max: maxMessageBytes });
      } else {
        yield rawMessage(source, read.bytes, { at: read.mtime, from: 'file-time' });
      }
    } catch (e) {
      // A message moved away by a mail program meanwhile: say so and go on with the others.
      yield sourceProblem(source, 'MAILBOX_UNREADABLE', { path: file, detail: ioDetail(e) });
    }
  }
}
