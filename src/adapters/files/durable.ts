import { randomUUID } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';

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
  const temp = join(dir, `.${name}.${randomUUID()}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (e) {
    await handle.close().catch(() => {});
    await unlink(temp).catch(() => {});
    throw e;
  }
  await handle.close();
  await rename(temp, join(dir, name));
  await syncDir(dir);
}
