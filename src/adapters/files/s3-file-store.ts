import { createReadStream } from 'node:fs';
import { mkdir, unlink } from 'node:fs/promises';
import { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { AppError, isAppError } from '../../domain/shared/errors.js';
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
import { clearTemporariesIn } from './durable.js';

export interface S3FileStoreOptions {
  bucket: string;
  /** Keys start with it ("sociographe/"), so that journals may share one bucket; "" for none. */
  prefix: string;
  /** A local folder where a stream is written while it is hashed (its key is its hash). */
  spoolDir: string;
  /** Where the store is, fit for a message: endpoint and bucket, never a credential. */
  description: string;
  maxBytes?: number;
}

/** The S3 error names that mean « no such object ». */
const MISSING = new Set(['NotFound', 'NoSuchKey']);

/**
 * Content-addressed files in an S3-compatible bucket: <prefix>files/ab/cd/<sha256>, as on disk.
 *
 * Durability: S3 answers a PUT once the object is stored; the store then reads the object back
 * and checks its SHA-256 before `put` resolves (what a receipt may follow). A stream is written
 * to a local temporary while it is hashed, since its key is its hash.
 *
 * Sweeping, with no rename to set a file aside: each use (`put`, `has`) first writes a small use
 * marker, <prefix>uses/<sha256>, and only then looks for the file. The sweep copies the file to
 * <prefix>aside/<sha256>, deletes it, and only then reads the marker: a use that wrote its marker
 * before is seen and the file put back; a use that comes after finds no file (`put` uploads it
 * again, `has` says it is missing, so nothing records it). S3's reads after writes are strongly
 * consistent, which is what this order needs.
 */
export class S3FileStore implements FileStore, SweepableFileStore {
  readonly maxBytes: number;

  constructor(
    private readonly s3: S3Client,
    private readonly options: S3FileStoreOptions,
  ) {
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  }

  keyOf(sha256: string): string {
    const sha = checkedSha(sha256);
    return `${this.options.prefix}files/${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`;
  }

  private useKey(sha256: string): string {
    return `${this.options.prefix}uses/${checkedSha(sha256)}`;
  }

  private asideKey(sha256: string): string {
    return `${this.options.prefix}aside/${checkedSha(sha256)}`;
  }

  async put(content: FileContent): Promise<PutResult> {
    if (content instanceof Uint8Array) {
      if (content.byteLength > this.maxBytes) {
        throw new AppError('FILE_TOO_LARGE', { size: content.byteLength, max: this.maxBytes });
      }
      const sha256 = sha256Of(content);
      return this.store(sha256, content.byteLength, () => content);
    }
    await mkdir(this.options.spoolDir, { recursive: true, mode: 0o700 });
    const temp = await writeTemporary(this.options.spoolDir, content, this.maxBytes);
    try {
      return await this.store(temp.sha256, temp.byteSize, () => createReadStream(temp.path));
    } finally {
      await unlink(temp.path).catch(() => {});
    }
  }

  /** The use marker first, then the file: already there (same size), or uploaded and checked. */
  private async store(
    sha256: string,
    byteSize: number,
    body: () => Uint8Array | Readable,
  ): Promise<PutResult> {
    await this.markUsed(sha256);
    const key = this.keyOf(sha256);
    if ((await this.head(key))?.size === byteSize) return { sha256, byteSize, created: false };
    await this.call('put', () =>
      this.s3.send(
        new PutObjectCommand({
          Bucket: this.options.bucket,
          Key: key,
          Body: body(),
          ContentLength: byteSize,
          ContentType: 'application/octet-stream',
          Metadata: { sha256 },
        }),
      ),
    );
    await this.read(sha256); // read back and hashed: a damaged upload fails here, before any receipt
    return { sha256, byteSize, created: true };
  }

  async has(sha256: string): Promise<boolean> {
    if (!SHA256.test(sha256)) return false;
    await this.markUsed(sha256);
    return (await this.head(this.keyOf(sha256))) !== null;
  }

  async get(sha256: string, options: GetOptions = {}): Promise<Readable> {
    const source = await this.open(this.keyOf(sha256), sha256);
    if (!options.verify) return source;
    const verifier = hashChecker(sha256);
    source.on('error', (e) => verifier.destroy(e));
    return source.pipe(verifier);
  }

  async read(sha256: string): Promise<Buffer> {
    const key = this.keyOf(sha256);
    const found = await this.head(key);
    if (found === null) throw new AppError('STORED_FILE_MISSING', { sha256 });
    if (found.size > this.maxBytes)
      throw new AppError('FILE_TOO_LARGE', { size: found.size, max: this.maxBytes });
    const chunks: Buffer[] = [];
    for await (const chunk of await this.open(key, sha256)) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    if (sha256Of(bytes) !== sha256) throw new AppError('STORED_FILE_CORRUPTED', { sha256 });
    return bytes;
  }

  async *listStored(): AsyncIterable<StoredFileUse> {
    const uses = new Map<string, Date>();
    for await (const use of this.list(`${this.options.prefix}uses/`)) uses.set(use.name, use.modified);
    for await (const file of this.list(`${this.options.prefix}files/`)) {
      if (!SHA256.test(file.name) || this.keyOf(file.name) !== file.key) continue;
      const used = uses.get(file.name);
      const usedAt = used && used > file.modified ? used : file.modified;
      yield { sha256: file.name, byteSize: file.size, usedAt };
    }
  }

  /** See the class comment: set aside (copy, delete), then the marker read again. */
  async removeUnused(sha256: string, unusedSince: Date): Promise<number | null> {
    const key = this.keyOf(sha256);
    const found = await this.head(key);
    if (found === null || (await this.lastUse(sha256, found.modified)) > unusedSince) return null;
    const aside = this.asideKey(sha256);
    await this.copy(key, aside);
    await this.remove(key);
    const marker = await this.head(this.useKey(sha256));
    if (marker && marker.modified > unusedSince) {
      await this.copy(aside, key);
      await this.remove(aside);
      return null;
    }
    await this.remove(aside);
    await this.remove(this.useKey(sha256));
    return found.size;
  }

  /**
   * Removes what a killed process left: streams half spooled in the local folder, and files a
   * killed sweep left set aside — put back where no file is (the next sweep judges it again),
   * dropped where the file is there.
   */
  async clearTemporaries(untouchedSince: Date, dryRun: boolean): Promise<Swept> {
    await mkdir(this.options.spoolDir, { recursive: true, mode: 0o700 });
    const swept = await clearTemporariesIn(
      this.options.spoolDir,
      (name) => TEMPORARY.test(name),
      untouchedSince,
      dryRun,
    );
    if (dryRun) return swept;
    for await (const left of this.list(`${this.options.prefix}aside/`)) {
      if (!SHA256.test(left.name) || left.modified > untouchedSince) continue;
      const key = this.keyOf(left.name);
      if ((await this.head(key)) === null) await this.copy(left.key, key);
      await this.remove(left.key);
    }
    return swept;
  }

  private async lastUse(sha256: string, fileModified: Date): Promise<Date> {
    const marker = await this.head(this.useKey(sha256));
    return marker && marker.modified > fileModified ? marker.modified : fileModified;
  }

  private async markUsed(sha256: string): Promise<void> {
    await this.call('put', () =>
      this.s3.send(
        new PutObjectCommand({
          Bucket: this.options.bucket,
          Key: this.useKey(sha256),
          Body: '',
          ContentLength: 0,
        }),
      ),
    );
  }

  private async head(key: string): Promise<{ size: number; modified: Date } | null> {
    try {
      const found = await this.s3.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: key }));
      return { size: found.ContentLength ?? 0, modified: found.LastModified ?? new Date(0) };
    } catch (e) {
      if (MISSING.has((e as Error).name)) return null;
      throw this.unavailable(e);
    }
  }

  private async open(key: string, sha256: string): Promise<Readable> {
    try {
      const found = await this.s3.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: key }));
      if (!(found.Body instanceof Readable)) throw new Error('no body');
      return found.Body;
    } catch (e) {
      if (MISSING.has((e as Error).name)) throw new AppError('STORED_FILE_MISSING', { sha256 });
      throw this.unavailable(e);
    }
  }

  private async copy(from: string, to: string): Promise<void> {
    await this.call('copy', () =>
      this.s3.send(
        new CopyObjectCommand({
          Bucket: this.options.bucket,
          Key: to,
          CopySource: `${this.options.bucket}/${encodeURI(from)}`,
        }),
      ),
    );
  }

  private async remove(key: string): Promise<void> {
    await this.call('delete', () =>
      this.s3.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: key })),
    );
  }

  /** Every object under a prefix, page by page (never the whole listing in memory). */
  private async *list(
    prefix: string,
  ): AsyncIterable<{ key: string; name: string; size: number; modified: Date }> {
    let token: string | undefined;
    do {
      const page = await this.call('list', () =>
        this.s3.send(
          new ListObjectsV2Command({ Bucket: this.options.bucket, Prefix: prefix, ContinuationToken: token }),
        ),
      );
      for (const item of page.Contents ?? []) {
        if (!item.Key) continue;
        const name = item.Key.slice(item.Key.lastIndexOf('/') + 1);
        yield { key: item.Key, name, size: item.Size ?? 0, modified: item.LastModified ?? new Date(0) };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  private async call<T>(action: string, send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (e) {
      throw this.unavailable(e, action);
    }
  }

  /** The failure as a coded error: the storage named, the S3 error's name (no key, no credential). */
  private unavailable(e: unknown, action = 'head'): AppError {
    if (isAppError(e)) return e;
    return s3Unavailable(this.options.description, action, e);
  }
}

/** FILE_STORE_UNAVAILABLE for an S3 failure: what was done, the error's code or name, the HTTP status. */
export function s3Unavailable(target: string, action: string, e: unknown): AppError {
  const code = (e as { code?: unknown } | null)?.code;
  const name = typeof code === 'string' ? code : e instanceof Error ? e.name : 'error';
  const status = (e as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
  return new AppError('FILE_STORE_UNAVAILABLE', {
    target,
    detail: `${action}: ${name}${status ? ` ${status}` : ''}`,
  });
}
