import { createHash, randomBytes } from 'node:crypto';
import { open, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { AppError } from '../../domain/shared/errors.js';

/**
 * What every content-addressed store shares: a file's name is the SHA-256 of its bytes, checked
 * before it names anything, and bytes read back are checked against it.
 */
export const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;
export const SHA256 = /^[0-9a-f]{64}$/;
/** writeTemporary's names. */
export const TEMPORARY = /^\.tmp-[0-9a-f]{16}$/;
const FILE_MODE = 0o400; // content-addressed files never change: read-only, private

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Hashes would-be names before use: a hash is 64 lower-case hex digits, nothing else reaches a path or a key. */
export function checkedSha(sha256: string): string {
  if (!SHA256.test(sha256)) throw new AppError('STORED_FILE_MISSING', { sha256: 'invalid reference' });
  return sha256;
}

/** Passes bytes through, and fails at the end if they do not hash to `expected`. */
export function hashChecker(expected: string): Transform {
  const hash = createHash('sha256');
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      callback(null, chunk);
    },
    flush(callback) {
      const actual = hash.digest('hex');
      callback(actual === expected ? null : new AppError('STORED_FILE_CORRUPTED', { sha256: expected }));
    },
  });
}

export interface Temporary {
  path: string;
  sha256: string;
  byteSize: number;
}

/** Writes the chunks to a new temporary file in `dir`, hashing and counting; fsynced before it returns. */
export async function writeTemporary(
  dir: string,
  chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  max: number,
): Promise<Temporary> {
  const path = join(dir, `.tmp-${randomBytes(8).toString('hex')}`);
  const file = await open(path, 'wx', FILE_MODE);
  const hash = createHash('sha256');
  let byteSize = 0;
  try {
    for await (const piece of chunks) {
      // A stream with an encoding set yields strings: store their bytes all the same.
      const chunk: Uint8Array = typeof piece === 'string' ? Buffer.from(piece) : piece;
      byteSize += chunk.byteLength;
      if (byteSize > max) throw new AppError('FILE_TOO_LARGE', { size: byteSize, max });
      hash.update(chunk);
      await file.write(chunk);
    }
    await file.sync();
    await file.close();
  } catch (e) {
    await file.close().catch(() => {});
    await unlink(path).catch(() => {});
    throw e;
  }
  return { path, sha256: hash.digest('hex'), byteSize };
}
