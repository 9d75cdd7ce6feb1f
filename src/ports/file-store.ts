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
  put(content: FileContent): Promise<PutResult>;
  has(sha256: string): Promise<boolean>;
  get(sha256: string, options?: GetOptions): Promise<Readable>;
  /** The whole file in memory, always verified against its hash. */
  read(sha256: string): Promise<Buffer>;
}
