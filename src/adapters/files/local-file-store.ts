import { randomBytes } from 'node:crypto';
import { type FileHandle, mkdir, open, readFile, rename, stat, unlink, utimes } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { AppError } from '../../domain/shared/errors.js';
import type {
  FileContent,
  FileStore,
  GetOptions,
  PutResult,
  StoredFileUse,
  SweepableFileStore,
  Swept,
} from '../../ports/file-store.js';
import {
  checkedSha,
  DEFAULT_MAX_FILE_BYTES,
  hashChecker,
  SHA256,
  sha256Of,
  TEMPORARY,
  writeTemporary,
} from './content-hash.js';
import { clearTemporariesIn, namesIn, oldEntries, syncDir } from './durable.js';

export interface LocalFileStoreOptions {
  /** Largest file accepted or read back, in bytes. */
  maxBytes?: number;
}

const HASH_DIR = /^[0-9a-f]{2}$/;
/** A file the sweep set aside while it makes sure nobody uses it: `.aside-<sha256>-<random>`. */
const ASIDE = /^\.aside-([0-9a-f]{64})-[0-9a-f]{8}$/;
const DIR_MODE = 0o700;

/**
 * Content-addressed files on local disk: DATA/files/ab/cd/<sha256>.
 *
 * Crash safety: bytes go to a temporary file, are fsynced, and only then renamed to their final
 * name, after which the folder is fsynced so the new name itself survives a power cut. A file
 * under its final name is therefore always complete. A buffer (hash known in advance) is written
 * next to its final name; a stream (hash known only at its end) is written in DATA/files/tmp —
 * the same file system, so the rename is atomic all the same.
 *
 * Sweeping (SweepableFileStore): a file's modification time is when it was last used — written,
 * stored again (`put` of bytes already there) or asked for (`has`) — so that the sweep of
 * abandoned drafts never takes a file about to be recorded.
 */
export class LocalFileStore implements FileStore, SweepableFileStore {
  readonly maxBytes: number;

  constructor(
    readonly root: string,
    options: LocalFileStoreOptions = {},
  ) {
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  }

  /** Where a hash lives (the hash must be valid: see checkedSha). */
  pathOf(sha256: string): string {
    const sha = checkedSha(sha256);
    return join(this.root, sha.slice(0, 2), sha.slice(2, 4), sha);
  }

  get incomingDir(): string {
    return join(this.root, 'tmp');
  }

  async put(content: FileContent): Promise<PutResult> {
    return content instanceof Uint8Array ? this.putBytes(content) : this.putStream(content);
  }

  async has(sha256: string): Promise<boolean> {
    if (!SHA256.test(sha256)) return false;
    const path = this.pathOf(sha256);
    return (await sizeOf(path)) !== null && (await markUsed(path));
  }

  async get(sha256: string, options: GetOptions = {}): Promise<Readable> {
    const handle = await this.openStored(sha256);
    const source = handle.createReadStream();
    if (!options.verify) return source;
    const verifier = hashChecker(sha256);
    source.on('error', (e) => verifier.destroy(e));
    return source.pipe(verifier);
  }

  async read(sha256: string): Promise<Buffer> {
    const path = this.pathOf(sha256);
    const size = await sizeOf(path);
    if (size === null) throw new AppError('STORED_FILE_MISSING', { sha256 });
    if (size > this.maxBytes) throw new AppError('FILE_TOO_LARGE', { size, max: this.maxBytes });
    const bytes = await readFile(path);
    if (sha256Of(bytes) !== sha256) throw new AppError('STORED_FILE_CORRUPTED', { sha256 });
    return bytes;
  }

  private async putBytes(bytes: Uint8Array): Promise<PutResult> {
    if (bytes.byteLength > this.maxBytes) {
      throw new AppError('FILE_TOO_LARGE', { size: bytes.byteLength, max: this.maxBytes });
    }
    const sha256 = sha256Of(bytes);
    const final = this.pathOf(sha256);
    if ((await sizeOf(final)) === bytes.byteLength && (await markUsed(final)))
      return { sha256, byteSize: bytes.byteLength, created: false };
    await this.makeDirs(dirname(final));
    const temp = await writeTemporary(dirname(final), [bytes], this.maxBytes);
    await settle(temp.path, final);
    return { sha256, byteSize: bytes.byteLength, created: true };
  }

  private async putStream(chunks: AsyncIterable<Uint8Array>): Promise<PutResult> {
    await this.makeDirs(this.incomingDir);
    const temp = await writeTemporary(this.incomingDir, chunks, this.maxBytes);
    const final = this.pathOf(temp.sha256);
    const result = { sha256: temp.sha256, byteSize: temp.byteSize };
    if ((await sizeOf(final)) === temp.byteSize && (await markUsed(final))) {
      await unlink(temp.path);
      return { ...result, created: false };
    }
    await this.makeDirs(dirname(final));
    await settle(temp.path, final);
    return { ...result, created: true };
  }

  async *listStored(): AsyncIterable<StoredFileUse> {
    for (const dir of await this.hashDirs()) {
      for (const name of await namesIn(dir)) {
        if (!SHA256.test(name) || this.pathOf(name) !== join(dir, name)) continue;
        const s = await stat(join(dir, name)).catch(() => null);
        if (s?.isFile()) yield { sha256: name, byteSize: s.size, usedAt: s.mtime };
      }
    }
  }

  /**
   * Sets the file aside under a name `has`, `get` and `put` do not see, then looks at its last use:
   * a use that came before is seen and the file put back; one that comes after finds no file
   * (`put` writes it again, `has` says it is missing, so nothing records it).
   */
  async removeUnused(sha256: string, unusedSince: Date): Promise<number | null> {
    const path = this.pathOf(sha256);
    const aside = join(dirname(path), `.aside-${sha256}-${randomBytes(4).toString('hex')}`);
    try {
      await rename(path, aside);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    const { mtimeMs, size } = await stat(aside);
    if (mtimeMs > unusedSince.getTime()) {
      await settle(aside, path);
      return null;
    }
    await unlink(aside);
    return size;
  }

  /**
   * Removes temporaries a killed process left (in tmp/ and beside the stored files), and puts back
   * a file a killed sweep left set aside: the next sweep judges it again.
   */
  async clearTemporaries(untouchedSince: Date, dryRun: boolean): Promise<Swept> {
    const swept: Swept = { count: 0, bytes: 0 };
    for (const dir of [this.incomingDir, ...(await this.hashDirs())]) {
      const cleared = await clearTemporariesIn(dir, (name) => TEMPORARY.test(name), untouchedSince, dryRun);
      swept.count += cleared.count;
      swept.bytes += cleared.bytes;
      if (dryRun) continue;
      for (const left of await oldEntries(dir, (name) => ASIDE.test(name), untouchedSince)) {
        await this.putBack(left.path, ASIDE.exec(left.name)?.[1] as string);
      }
    }
    return swept;
  }

  /** The folders the files live in (ab/cd), tmp/ and anything else left out. */
  private async hashDirs(): Promise<string[]> {
    const dirs: string[] = [];
    for (const a of await namesIn(this.root)) {
      if (!HASH_DIR.test(a)) continue;
      for (const b of await namesIn(join(this.root, a))) {
        if (HASH_DIR.test(b)) dirs.push(join(this.root, a, b));
      }
    }
    return dirs;
  }

  private async putBack(aside: string, sha256: string): Promise<void> {
    const path = this.pathOf(sha256);
    // Only where it came from: the same bytes under their own name, whatever is there now.
    if (dirname(path) !== dirname(aside)) return;
    await settle(aside, path).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
  }

  private async openStored(sha256: string): Promise<FileHandle> {
    try {
      return await open(this.pathOf(sha256), 'r');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT')
        throw new AppError('STORED_FILE_MISSING', { sha256 });
      throw e;
    }
  }

  /** Creates the folders; a folder just created is a new name in its parent, fsynced too. */
  private async makeDirs(dir: string): Promise<void> {
    const first = await mkdir(dir, { recursive: true, mode: DIR_MODE });
    if (first === undefined) return;
    for (let d = dir; d.length >= first.length; d = dirname(d)) await syncDir(dirname(d));
  }
}

/** The temporary file becomes the final one in one atomic step, then the folder is made durable. */
async function settle(temp: string, final: string): Promise<void> {
  await rename(temp, final); // same content under the same name: replacing it changes nothing
  await syncDir(dirname(final));
}

/**
 * Dates a stored file as used now (see the class comment); false when it is gone (a sweep set it
 * aside). A file that cannot be re-dated (not ours) is there all the same.
 */
async function markUsed(path: string): Promise<boolean> {
  const now = new Date();
  try {
    await utimes(path, now, now);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

async function sizeOf(path: string): Promise<number | null> {
  try {
    const s = await stat(path);
    return s.isFile() ? s.size : null;
  } catch {
    return null;
  }
}
