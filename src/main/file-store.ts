import { LocalFileStore } from '../adapters/files/local-file-store.js';
import { describeFileStorage, type FileStorageChoice } from '../config/file-storage.js';
import type { FileStore, HoldsTemporaries, SweepableFileStore } from '../ports/file-store.js';

export type OpenFileStore = FileStore & SweepableFileStore & HoldsTemporaries;

export interface OpenedFileStore {
  store: OpenFileStore;
  /** Lets the process end: the S3 client's sockets are closed. */
  close(): void;
}

/**
 * The file store the choice names. The AWS SDK is loaded only for a bucket: a laptop on the
 * embedded default never pays for it. The bucket is asked for at once, so a wrong name, address
 * or key stops the start with a clear message rather than the first author's upload.
 */
export async function openFileStore(choice: FileStorageChoice): Promise<OpenedFileStore> {
  if (choice.kind === 'local') return { store: new LocalFileStore(choice.dir), close: () => {} };
  const [{ S3Client, HeadBucketCommand }, { S3FileStore, s3Unavailable }] = await Promise.all([
    import('@aws-sdk/client-s3'),
    import('../adapters/files/s3-file-store.js'),
  ]);
  const s3 = new S3Client({
    region: choice.region,
    forcePathStyle: choice.pathStyle,
    ...(choice.endpoint ? { endpoint: choice.endpoint } : {}),
    ...(choice.credentials ? { credentials: choice.credentials } : {}),
    // S3-compatible services do not all take the newer default checksums; the store checks
    // every upload's SHA-256 itself by reading it back.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
  });
  const description = describeFileStorage(choice);
  try {
    await s3.send(new HeadBucketCommand({ Bucket: choice.bucket }));
  } catch (e) {
    s3.destroy();
    throw s3Unavailable(description, 'bucket', e);
  }
  const store = new S3FileStore(s3, {
    bucket: choice.bucket,
    prefix: choice.prefix,
    spoolDir: choice.spoolDir,
    description,
  });
  return { store, close: () => s3.destroy() };
}
