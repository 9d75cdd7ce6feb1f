import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import {
  DeleteObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { S3FileStore } from '../../src/adapters/files/s3-file-store.js';
import { resolveFileStorage } from '../../src/config/file-storage.js';
import { openFileStore } from '../../src/main/file-store.js';
import { type RunningS3, S3_KEY, startS3 } from '../helpers/s3-server.js';

/**
 * The S3-compatible file store against a real S3 server over a socket (s3rver, started here on
 * 127.0.0.1; see test/helpers/s3-server.ts), with the same promises as the local store: named by
 * hash, verified when read back, capped, and swept without ever taking a file about to be recorded.
 */

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const HOUR = 3_600_000;
const code = (c: string) => (e: unknown) => (e as { code?: string }).code === c;

describe('S3 file store (s3rver on 127.0.0.1)', () => {
  let s3: RunningS3;
  let client: S3Client;
  let store: S3FileStore;
  let close: () => void;
  const data = mkdtempSync(join(tmpdir(), 'appel-s3-data-'));
  const PREFIX = 'revue-a/';

  before(async () => {
    s3 = await startS3();
    const choice = resolveFileStorage({ ...s3.env, APPEL_S3_PREFIX: 'revue-a' }, data, join(data, 'files'));
    const opened = await openFileStore(choice);
    store = opened.store as S3FileStore;
    close = opened.close;
    client = new S3Client({
      endpoint: s3.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: S3_KEY, secretAccessKey: S3_KEY },
    });
  });
  after(async () => {
    close();
    client.destroy();
    await s3.close();
    rmSync(data, { recursive: true, force: true });
  });

  const keys = async (prefix: string) =>
    ((await client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: prefix }))).Contents ?? []).map(
      (o) => o.Key,
    );
  const exists = async (key: string) =>
    client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: key })).then(
      () => true,
      () => false,
    );
  const spoolLeft = () => readdirSync(join(data, 'spool')).length;
  /** Stores the bytes, then dates the file and its last use ten days back, as an abandoned draft's. */
  async function storedLongAgo(bytes: Buffer): Promise<{ sha256: string; long: Date }> {
    const { sha256 } = await store.put(bytes);
    const long = new Date(Date.now() - 10 * 24 * HOUR);
    s3.age(store.keyOf(sha256), long);
    s3.age(`${PREFIX}uses/${sha256}`, long);
    return { sha256, long };
  }

  it('stores bytes under their hash in <prefix>files/ab/cd/<sha256> and gives them back, verified', async () => {
    const bytes = Buffer.from('Le numérique au quotidien des travailleurs sociaux');
    const put = await store.put(bytes);
    assert.deepEqual(put, { sha256: sha(bytes), byteSize: bytes.length, created: true });
    const key = `${PREFIX}files/${put.sha256.slice(0, 2)}/${put.sha256.slice(2, 4)}/${put.sha256}`;
    assert.equal(store.keyOf(put.sha256), key);
    assert.ok(await exists(key));
    assert.deepEqual(await store.read(put.sha256), bytes);
    const chunks: Buffer[] = [];
    for await (const chunk of await store.get(put.sha256, { verify: true })) chunks.push(chunk as Buffer);
    assert.deepEqual(Buffer.concat(chunks), bytes);
    assert.equal(await store.has(put.sha256), true);
  });

  it('keeps one object when the same content comes twice, as bytes or as a stream; nothing left in the spool', async () => {
    const bytes = Buffer.from('une seule fois, quoi qu’il arrive');
    const first = await store.put(bytes);
    const again = await store.put(Readable.from([bytes.subarray(0, 5), bytes.subarray(5)]));
    assert.equal(first.created, true);
    assert.deepEqual(again, { ...first, created: false });
    const streamed = await store.put(Readable.from([Buffer.from('un flux '), Buffer.from('nouveau')]));
    assert.equal(streamed.created, true);
    assert.deepEqual(await store.read(streamed.sha256), Buffer.from('un flux nouveau'));
    assert.equal(spoolLeft(), 0, 'the spooled streams are gone');
  });

  it('refuses content above the cap, as bytes or as a stream, and keeps nothing', async () => {
    const small = new S3FileStore(client, {
      bucket: s3.bucket,
      prefix: 'petit/',
      spoolDir: join(data, 'spool'),
      description: 'test',
      maxBytes: 10,
    });
    await assert.rejects(small.put(Buffer.alloc(11)), code('FILE_TOO_LARGE'));
    await assert.rejects(
      small.put(Readable.from([Buffer.alloc(6), Buffer.alloc(6)])),
      code('FILE_TOO_LARGE'),
    );
    assert.deepEqual(await keys('petit/files/'), []);
    assert.equal(spoolLeft(), 0);
  });

  it('detects an object altered in the bucket, read whole or streamed with verify', async () => {
    const bytes = Buffer.from('texte d’origine');
    const { sha256 } = await store.put(bytes);
    await client.send(
      new PutObjectCommand({
        Bucket: s3.bucket,
        Key: store.keyOf(sha256),
        Body: Buffer.from('texte modifié!'),
      }),
    );
    await assert.rejects(store.read(sha256), code('STORED_FILE_CORRUPTED'));
    const stream = await store.get(sha256, { verify: true });
    await assert.rejects(async () => {
      for await (const _ of stream);
    }, code('STORED_FILE_CORRUPTED'));
  });

  it('says when a file is missing, and never turns a bad reference into a key', async () => {
    const unknown = sha(Buffer.from('jamais envoyé'));
    await assert.rejects(store.read(unknown), code('STORED_FILE_MISSING'));
    await assert.rejects(store.get(unknown), code('STORED_FILE_MISSING'));
    assert.equal(await store.has(unknown), false);
    assert.equal(await store.has('../../etc/passwd'), false);
    await assert.rejects(store.read('../x'), code('STORED_FILE_MISSING'));
    assert.deepEqual(await keys(`${PREFIX}uses/..`), []);
  });

  it('lists stored files with their last use; removes one unused since, keeps one used since', async () => {
    const bytes = Buffer.from('un brouillon abandonné');
    const { sha256, long } = await storedLongAgo(bytes);
    const listed = new Map<string, Date>();
    for await (const f of store.listStored()) listed.set(f.sha256, f.usedAt);
    assert.equal(listed.get(sha256)?.getTime(), Math.floor(long.getTime() / 1000) * 1000);

    assert.equal(await store.removeUnused(sha256, new Date(long.getTime() - HOUR)), null, 'used since: kept');
    assert.equal(await store.removeUnused(sha256, new Date(Date.now() - 7 * 24 * HOUR)), bytes.length);
    assert.equal(await exists(store.keyOf(sha256)), false);
    assert.deepEqual(await keys(`${PREFIX}aside/`), [], 'nothing left aside');
    assert.equal(await exists(`${PREFIX}uses/${sha256}`), false, 'its use marker went with it');
    assert.equal(await store.removeUnused(sha256, new Date()), null, 'already gone: null');
  });

  it('keeps an old file asked for (has) or stored again (put) before the sweep looks', async () => {
    const bytes = Buffer.from('un brouillon repris');
    const { sha256, long } = await storedLongAgo(bytes);
    const weekAgo = new Date(Date.now() - 7 * 24 * HOUR);
    assert.equal(await store.has(sha256), true);
    assert.equal(await store.removeUnused(sha256, weekAgo), null);
    s3.age(`${PREFIX}uses/${sha256}`, long);
    assert.equal((await store.put(bytes)).created, false);
    assert.equal(await store.removeUnused(sha256, weekAgo), null);
    assert.equal(await exists(store.keyOf(sha256)), true);
  });

  it('puts a file back when its use comes while it is set aside', async () => {
    const bytes = Buffer.from('confirmé au moment du nettoyage');
    const { sha256 } = await storedLongAgo(bytes);
    // The author confirms just as the sweep deletes the file: `has` runs right before the DELETE.
    const racing = new S3Client({
      endpoint: s3.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: S3_KEY, secretAccessKey: S3_KEY },
    });
    const sweeping = new S3FileStore(racing, {
      bucket: s3.bucket,
      prefix: PREFIX,
      spoolDir: join(data, 'spool'),
      description: 'test',
    });
    const removed = await sweepWithUseOnDelete(sweeping, racing, sha256, store);
    assert.equal(removed, null, 'the use was seen: the file stays');
    assert.equal(await exists(store.keyOf(sha256)), true);
    assert.deepEqual(await store.read(sha256), bytes);
    assert.deepEqual(await keys(`${PREFIX}aside/`), []);
    racing.destroy();
  });

  it('puts back a file a killed sweep left aside, and drops an aside copy whose file is there', async () => {
    const a = Buffer.from('laissé de côté, fichier absent');
    const b = Buffer.from('laissé de côté, fichier présent');
    const shaA = (await store.put(a)).sha256;
    const shaB = (await store.put(b)).sha256;
    for (const s of [shaA, shaB]) {
      await client.send(
        new PutObjectCommand({ Bucket: s3.bucket, Key: `${PREFIX}aside/${s}`, Body: s === shaA ? a : b }),
      );
      s3.age(`${PREFIX}aside/${s}`, new Date(Date.now() - 2 * HOUR));
    }
    await client.send(new DeleteObjectCommand({ Bucket: s3.bucket, Key: store.keyOf(shaA) }));
    await store.clearTemporaries(new Date(Date.now() - HOUR), true);
    assert.equal((await keys(`${PREFIX}aside/`)).length, 2, 'a dry run changes nothing');
    await store.clearTemporaries(new Date(Date.now() - HOUR), false);
    assert.deepEqual(await keys(`${PREFIX}aside/`), []);
    assert.deepEqual(await store.read(shaA), a);
    assert.deepEqual(await store.read(shaB), b);
  });

  it('stops the start with FILE_STORE_UNAVAILABLE for a wrong key or bucket, naming no credential', async () => {
    const wrongKey = resolveFileStorage(
      { ...s3.env, AWS_ACCESS_KEY_ID: 'PAS-LA-BONNE-CLE', AWS_SECRET_ACCESS_KEY: 'pas-le-bon-secret' },
      data,
      join(data, 'files'),
    );
    await assert.rejects(openFileStore(wrongKey), (e: unknown) => {
      const err = e as { code: string; message: string; params: Record<string, unknown> };
      assert.equal(err.code, 'FILE_STORE_UNAVAILABLE');
      assert.ok(!JSON.stringify(err.params).includes('pas-le-bon-secret'));
      assert.ok(!JSON.stringify(err.params).includes('PAS-LA-BONNE-CLE'));
      assert.match(String(err.params.detail), /^bucket: .* 403$/, 'refused, and said so');
      return true;
    });
    const noBucket = resolveFileStorage(
      { ...s3.env, APPEL_S3_BUCKET: 'pas-de-seau' },
      data,
      join(data, 'files'),
    );
    await assert.rejects(openFileStore(noBucket), code('FILE_STORE_UNAVAILABLE'));
    assert.throws(
      () => resolveFileStorage({ ...s3.env, APPEL_S3_PREFIX: '../autre' }, data, join(data, 'files')),
      code('FILE_STORE_UNAVAILABLE'),
    );
  });

  it('answers FILE_STORE_UNAVAILABLE when the service stops answering', async () => {
    const gone = new S3Client({
      endpoint: 'http://127.0.0.1:9',
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: S3_KEY, secretAccessKey: S3_KEY },
      maxAttempts: 1,
    });
    const unreachable = new S3FileStore(gone, {
      bucket: s3.bucket,
      prefix: PREFIX,
      spoolDir: join(data, 'spool'),
      description: 's3://appel-test (http://127.0.0.1:9)',
    });
    await assert.rejects(unreachable.put(Buffer.from('x')), code('FILE_STORE_UNAVAILABLE'));
    await assert.rejects(unreachable.read(sha(Buffer.from('x'))), code('FILE_STORE_UNAVAILABLE'));
    gone.destroy();
  });
});

/**
 * Runs removeUnused with a `has` from the author slipped in just before the file's DELETE: the
 * moment a rename would have closed on disk, and the one the use marker is there for.
 */
async function sweepWithUseOnDelete(
  sweeping: S3FileStore,
  racing: S3Client,
  sha256: string,
  author: S3FileStore,
): Promise<number | null> {
  const send = racing.send.bind(racing);
  let used = false;
  racing.send = (async (command: unknown) => {
    if (!used && command instanceof DeleteObjectCommand && command.input.Key === author.keyOf(sha256)) {
      used = true;
      await author.has(sha256);
    }
    return send(command as never);
  }) as typeof racing.send;
  const removed = await sweeping.removeUnused(sha256, new Date(Date.now() - 7 * 24 * 3_600_000));
  assert.ok(used, 'the use came during the sweep');
  return removed;
}
