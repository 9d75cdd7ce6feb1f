import { randomUUID } from 'node:crypto';
import { open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { HoldsTemporaries, Swept } from '../../ports/file-store.js';

/** Makes a folder's entries durable (a rename survives a power cut only once its folder is synced). */
export async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch (e) {
    // Windows cannot fsync a folder; elsewhere a failure means durability is not assured.
    if (process.platform !== 'win32') throw e;
  } finally {
    await handle.close();
  }
}

/** Writes bytes under a name, all or nothing: temp file, fsync, rename, folder fsync. */
export async function writeDurably(dir: string, name: string, bytes: Uint8Array): Promise<void> {
  await writeThroughTemporary(dir, name, bytes, true);
}

/**
 * Writes bytes under a name, all or nothing for every reader while the machine runs (temp file,
 * rename), without waiting for the disk: for what may be lost at a power cut because it can be
 * made again (a cache). After a crash the file may be missing, empty or torn; its reader must
 * check it.
 */
export async function writeReplacing(dir: string, name: string, bytes: Uint8Array): Promise<void> {
  await writeThroughTemporary(dir, name, bytes, false);
}

async function writeThroughTemporary(dir: string, name: string, bytes: Uint8Array, sync: boolean) {
  const temp = join(dir, `.${name}.${randomUUID()}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(bytes);
    if (sync) await handle.sync();
  } catch (e) {
    await handle.close().catch(() => {});
    await unlink(temp).catch(() => {});
    throw e;
  }
  await handle.close();
  await rename(temp, join(dir, name));
  if (sync) await syncDir(dir);
}

/** writeDurably's temporaries: `.<name>.<uuid>.tmp`. */
const DURABLE_TEMPORARY = /^\..+\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.tmp$/;

export function isDurableTemporary(name: string): boolean {
  return DURABLE_TEMPORARY.test(name);
}

export interface OldEntry {
  name: string;
  path: string;
  size: number;
}

/**
 * The files in `dir` whose names `accept` takes and that nothing touched since `untouchedSince`.
 * Untouched means neither written (mtime) nor renamed, linked or re-dated (ctime): a file being
 * written, or one a sweep just set aside, is never old. A missing folder holds nothing; a file gone
 * meanwhile (another sweep) is skipped.
 */
export async function oldEntries(
  dir: string,
  accept: (name: string) => boolean,
  untouchedSince: Date,
): Promise<OldEntry[]> {
  const old: OldEntry[] = [];
  for (const name of await namesIn(dir)) {
    if (!accept(name)) continue;
    const path = join(dir, name);
    const s = await stat(path).catch(() => null);
    if (!s?.isFile() || Math.max(s.mtimeMs, s.ctimeMs) > untouchedSince.getTime()) continue;
    old.push({ name, path, size: s.size });
  }
  return old;
}

/** Removes the old temporaries of `dir` (a dry run only counts them); one another sweep removed first is not counted. */
export async function clearTemporariesIn(
  dir: string,
  isTemporary: (name: string) => boolean,
  untouchedSince: Date,
  dryRun: boolean,
): Promise<Swept> {
  const swept: Swept = { count: 0, bytes: 0 };
  for (const entry of await oldEntries(dir, isTemporary, untouchedSince)) {
    if (!dryRun && !(await removeIfThere(entry.path))) continue;
    swept.count++;
    swept.bytes += entry.size;
  }
  return swept;
}

/** Unlinks a file; false when it was already gone (ENOENT is no failure: several sweeps may race). */
export async function removeIfThere(path: string): Promise<boolean> {
  try {
    await unlink(path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
}

/** The names in a folder; none when it does not exist (yet). */
export async function namesIn(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw e;
  }
}

/**
 * A folder written with writeDurably whose files are not ours to sweep (the outbox's .eml letters):
 * only the temporaries a killed process left there go.
 */
export class DurableFolder implements HoldsTemporaries {
  constructor(readonly dir: string) {}

  clearTemporaries(untouchedSince: Date, dryRun: boolean): Promise<Swept> {
    return clearTemporariesIn(this.dir, isDurableTemporary, untouchedSince, dryRun);
  }
}
