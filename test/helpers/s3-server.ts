import { mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

/**
 * An S3-compatible server for the tests: s3rver, listening on 127.0.0.1 (a free port), speaking
 * the S3 REST protocol over a real socket and keeping objects in a temporary folder. It knows one
 * access key, « S3RVER », and refuses others; it does not check SigV4 signatures themselves. It
 * needs nothing installed (an npm dev dependency), so these tests run wherever `npm test` does.
 * The sweep's tests date objects through its folder (`age`), which ties them to s3rver.
 */
export interface RunningS3 {
  endpoint: string;
  bucket: string;
  /** The environment that points appel at this server. */
  env: Record<string, string>;
  /**
   * Dates an object as last modified at `when`, as time passing would: s3rver gives its file's
   * modification time as the object's LastModified (its folder layout, on Linux).
   */
  age(key: string, when: Date): void;
  close(): Promise<void>;
}

export const S3_KEY = 'S3RVER';

export async function startS3(bucket = 'appel-test'): Promise<RunningS3> {
  const directory = mkdtempSync(join(tmpdir(), 'appel-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    env: {
      APPEL_S3_BUCKET: bucket,
      APPEL_S3_ENDPOINT: endpoint,
      APPEL_S3_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: S3_KEY,
      AWS_SECRET_ACCESS_KEY: S3_KEY,
    },
    age: (key, when) => {
      const parts = key.split('/');
      const name = `${parts.pop()}._S3rver_object`;
      utimesSync(join(directory, bucket, ...parts, name), when, when);
    },
    close: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
