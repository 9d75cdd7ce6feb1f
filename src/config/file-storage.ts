import { join } from 'node:path';
import { AppError } from '../domain/shared/errors.js';

/**
 * Where the files go: the data folder (the embedded default), or an S3-compatible bucket when
 * APPEL_S3_BUCKET is set — for a host whose instances and workers share no disk. Credentials come
 * from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or the AWS SDK's usual chain when unset).
 */
export type FileStorageChoice =
  | { kind: 'local'; dir: string }
  | {
      kind: 's3';
      bucket: string;
      /** "" or a path ending in "/": several journals may share a bucket. */
      prefix: string;
      /** Another S3-compatible service than AWS (MinIO, Garage, Ceph, Scaleway…); path-style there. */
      endpoint?: string;
      region: string;
      pathStyle: boolean;
      credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
      /** Streams are hashed here before they go (their key is their hash). */
      spoolDir: string;
    };

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const PREFIX = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*\/?$/;

export function resolveFileStorage(
  env: NodeJS.ProcessEnv,
  dataDir: string,
  filesDir: string,
): FileStorageChoice {
  const bucket = env.APPEL_S3_BUCKET?.trim();
  if (!bucket) return { kind: 'local', dir: filesDir };
  const invalid = (detail: string) => new AppError('FILE_STORE_UNAVAILABLE', { target: 'S3', detail });
  if (!BUCKET.test(bucket))
    throw invalid('APPEL_S3_BUCKET: 3 to 63 lower-case letters, digits, dots or hyphens');
  const rawPrefix = env.APPEL_S3_PREFIX?.trim() ?? '';
  const dotSegment = rawPrefix.split('/').some((part) => part === '.' || part === '..');
  if (rawPrefix !== '' && (!PREFIX.test(rawPrefix) || dotSegment)) {
    throw invalid('APPEL_S3_PREFIX: letters, digits, . _ - separated by /');
  }
  const endpoint = env.APPEL_S3_ENDPOINT?.trim() || undefined;
  if (endpoint !== undefined && !/^https?:\/\/[^/\s]+\/?$/i.test(endpoint)) {
    throw invalid('APPEL_S3_ENDPOINT: http(s)://host[:port]');
  }
  const accessKeyId = env.AWS_ACCESS_KEY_ID?.trim();
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY?.trim();
  const sessionToken = env.AWS_SESSION_TOKEN?.trim();
  return {
    kind: 's3',
    bucket,
    prefix: rawPrefix === '' || rawPrefix.endsWith('/') ? rawPrefix : `${rawPrefix}/`,
    ...(endpoint ? { endpoint } : {}),
    region: env.APPEL_S3_REGION?.trim() || env.AWS_REGION?.trim() || 'us-east-1',
    pathStyle: endpoint !== undefined && env.APPEL_S3_PATH_STYLE?.trim() !== 'false',
    ...(accessKeyId && secretAccessKey
      ? { credentials: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) } }
      : {}),
    spoolDir: join(dataDir, 'spool'),
  };
}

/** Where the files are, fit for a message: never a credential. */
export function describeFileStorage(choice: FileStorageChoice): string {
  if (choice.kind === 'local') return choice.dir;
  return `s3://${choice.bucket}/${choice.prefix}${choice.endpoint ? ` (${choice.endpoint})` : ''}`;
}
