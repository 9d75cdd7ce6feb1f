import { open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { MailLimits } from './limits.js';
import { type SourceItem, sourceProblem } from './raw-message.js';
import { readEml } from './read-eml.js';
import { ioDetail } from './read-file-capped.js';
import { readMaildir } from './read-maildir.js';
import { type MboxOptions, readMbox } from './read-mbox.js';

/**
 * What `appel mail import PATH…` reads: a folder with cur/ or new/ is a Maildir, a file that
 * starts with "From " is an mbox, any other file is one .eml message. Decided by content, not by
 * the name's extension (exports are named .mbox, .mbx, .txt or nothing at all).
 */
export type PathKind = 'eml' | 'mbox' | 'maildir';

export async function detectPathKind(path: string): Promise<PathKind | null> {
  const stats = await stat(path);
  if (stats.isDirectory()) {
    for (const sub of ['cur', 'new']) {
      const found = await stat(join(path, sub)).catch(() => null);
      if (found?.isDirectory()) return 'maildir';
    }
    return null;
  }
  if (!stats.isFile()) return null;
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(5);
    const { bytesRead } = await handle.read(head, 0, 5, 0);
    return bytesRead === 5 && head.toString('latin1') === 'From ' ? 'mbox' : 'eml';
  } finally {
    await handle.close();
  }
}

/** Every message of every path, one at a time; a path that cannot be read is a problem item. */
export async function* readPaths(
  paths: readonly string[],
  options: Partial<MailLimits> & Pick<MboxOptions, 'format'> = {},
): AsyncGenerator<SourceItem> {
  for (const path of paths) {
    let kind: PathKind | null;
    try {
      kind = await detectPathKind(path);
    } catch (e) {
      yield sourceProblem({ kind: 'eml', location: path }, 'MAILBOX_UNREADABLE', {
        path,
        detail: ioDetail(e),
      });
      continue;
    }
    if (kind === 'maildir') yield* readMaildir(path, options);
    else if (kind === 'mbox') yield* readMbox(path, options);
    else if (kind === 'eml') yield await readEml(path, options);
    else {
      yield sourceProblem({ kind: 'maildir', location: path }, 'MAILBOX_UNREADABLE', {
        path,
        detail: 'neither a file nor a Maildir folder',
      });
    }
  }
}
