import type { Readable } from 'node:stream';

/** Bytes to store: a buffer already in memory, or a stream read once (an upload, an attachment). */
export type FileContent = Uint8Array | AsyncIterable<Uint8Array>;

export interface PutResult {
  /** Lower-case hex SHA-256 of the content: the file's only name. */
  sha256: string;
  byteSize: number;
  /** False when the same content was already stored (nothing was written). */
  created: boolean;
}

export interface GetOptions {
  /**
   * Hash the bytes while they are read; the stream then fails with STORED_FILE_CORRUPTED at its end
   * if they do not match. Consumers must wait for the stream's end before trusting the bytes.
   */
  verify?: boolean;
}

/**
 * Content-addressed storage of manuscripts and attachments. A file is named by its hash, so the
 * same content stored twice is one file, and a name always means the same bytes.
 * `put` resolves only once the bytes are durable (fsynced): a receipt may be given after it.
 */
export interface FileStore {
  /** Stores the bytes; bytes already stored count as used again (see SweepableFileStore). */
  put(content: FileContent): Promise<PutResult>;
  /**
   * Whether the bytes are stored. Asked just before a record names the file, so it counts as a use:
   * a store that sweeps restarts the file's clock (see SweepableFileStore).
   */
  has(sha256: string): Promise<boolean>;
  get(sha256: string, options?: GetOptions): Promise<Readable>;
  /** The whole file in memory, always verified against its hash. */
  read(sha256: string): Promise<Buffer>;
}

/** What a sweep removed, or in a dry run would remove. */
export interface Swept {
  count: number;
  bytes: number;
}

/** A place where a killed process may have left half-written temporary files. */
export interface HoldsTemporaries {
  /** Removes those untouched since `untouchedSince` (a dry run only counts them). */
  clearTemporaries(untouchedSince: Date, dryRun: boolean): Promise<Swept>;
}

/** A stored file as a sweep sees it. */
export interface StoredFileUse {
  sha256: string;
  byteSize: number;
  /** When it was last stored, or asked for with `has`: the last sign that someone wanted it. */
  usedAt: Date;
}

/**
 * What the sweep needs of a store. A file is used when stored (`put`, even of bytes already
 * there) and when asked for (`has`, just before a record names it); the sweep removes only files
 * unused for long AND named by no record, so a file about to be recorded is never taken.
 */
export interface SweepableFileStore extends HoldsTemporaries {
  /** Every stored file, in no particular order. */
  listStored(): AsyncIterable<StoredFileUse>;
  /**
   * Removes the file unless it was used after `unusedSince` (checked once it is out of reach of
   * `has` and `get`, so a use racing the sweep keeps it). Its size when removed by this call;
   * null when kept, or already gone (another sweep).
   */
  removeUnused(sha256: string, unusedSince: Date): Promise<number | null>;
}
