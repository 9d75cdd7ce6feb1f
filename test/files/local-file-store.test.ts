import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { after, before, describe, it } from 'node:test';
import { LocalFileStore } from '../../src/adapters/files/local-file-store.js';
import { AppError } from '../../src/domain/shared/errors.js';

const sha = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const isCode = (code: string) => (e: unknown) => e instanceof AppError && e.code === code;

/** Every file under a folder, as paths relative to it. */
function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

describe('local file store', () => {
  let root: string;
  let store: LocalFileStore;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'appel-files-'));
    store = new LocalFileStore(join(root, 'files'), { maxBytes: 1024 });
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('store bytes under their hash in ab/cd/<sha256>, read-only, and give them back', async () => {
    const content = Buffer.from('Manuscrit : « L’hospitalité au quotidien »');
    const put = await store.put(content);
    assert.deepEqual(put, { sha256: sha(content), byteSize: content.length, created: true });
    const path = store.pathOf(put.sha256);
    assert.equal(
      relative(store.root, path),
      `${put.sha256.slice(0, 2)}/${put.sha256.slice(2, 4)}/${put.sha256}`,
    );
    assert.equal(statSync(path).mode & 0o777, 0o400);
    assert.ok(await store.has(put.sha256));
    assert.deepEqual(await store.read(put.sha256), content);
    assert.equal(await text(await store.get(put.sha256, { verify: true })), content.toString());
  });

  it('keep one file when the same content comes twice, as bytes or as a stream', async () => {
    const content = 'deux fois le même envoi';
    const a = await store.put(Buffer.from(content));
    const b = await store.put(Buffer.from(content));
    const c = await store.put(Readable.from([Buffer.from('deux fois '), Buffer.from('le même envoi')]));
    assert.deepEqual([a.created, b.created, c.created], [true, false, false]);
    assert.equal(new Set([a.sha256, b.sha256, c.sha256]).size, 1);
    assert.equal(listFiles(store.root).filter((f) => f.endsWith(a.sha256)).length, 1);
    assert.deepEqual(listFiles(store.incomingDir), [], 'no temporary file left behind');
    assert.ok(!listFiles(store.root).some((f) => f.includes('.tmp-')), 'nor beside the final names');
  });

  it('never show a partial file under its final name while a stream is written', async () => {
    const parts = ['première partie, ', 'seconde partie'].map((p) => Buffer.from(p));
    const finalPath = store.pathOf(sha(Buffer.concat(parts)));
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let midway!: () => void;
    const reachedMidway = new Promise<void>((r) => {
      midway = r;
    });
    async function* slowUpload() {
      yield parts[0] as Buffer;
      midway();
      await gate;
      yield parts[1] as Buffer;
    }
    const pending = store.put(slowUpload());
    await reachedMidway;
    await new Promise((r) => setImmediate(r));
    assert.equal(existsSync(finalPath), false, 'nothing under the final name yet');
    assert.equal(listFiles(store.incomingDir).length, 1, 'the bytes go to a temporary file');
    release();
    await pending;
    assert.equal(existsSync(finalPath), true);
    assert.deepEqual(listFiles(store.incomingDir), []);
  });

  it('leave nothing behind when the upload breaks off midway', async () => {
    const before = listFiles(store.root);
    async function* brokenUpload() {
      yield Buffer.from('début du fichier');
      throw new Error('connexion coupée');
    }
    await assert.rejects(store.put(brokenUpload()), /connexion coupée/);
    assert.deepEqual(listFiles(store.root), before);
  });

  it('refuse content above the cap, as bytes or as a stream, and keep nothing', async () => {
    const before = listFiles(store.root);
    await assert.rejects(store.put(Buffer.alloc(1025)), isCode('FILE_TOO_LARGE'));
    const stream = Readable.from(
      (function* () {
        for (let i = 0; i < 10; i++) yield Buffer.alloc(200, i);
      })(),
    );
    await assert.rejects(store.put(stream), isCode('FILE_TOO_LARGE'));
    assert.deepEqual(listFiles(store.root), before);
    const exact = await store.put(Buffer.alloc(1024, 7));
    assert.equal(exact.byteSize, 1024);
  });

  it('detect a file altered on disk when asked to verify', async () => {
    const put = await store.put(Buffer.from('contenu original'));
    const path = store.pathOf(put.sha256);
    chmodSync(path, 0o600);
    writeFileSync(path, 'contenu altéré!!');
    await assert.rejects(store.read(put.sha256), isCode('STORED_FILE_CORRUPTED'));
    await assert.rejects(
      text(await store.get(put.sha256, { verify: true })),
      isCode('STORED_FILE_CORRUPTED'),
    );
    assert.equal(
      await text(await store.get(put.sha256)),
      'contenu altéré!!',
      'unverified reads pass bytes as they are',
    );
  });

  it('repair a stored file whose size is wrong when the content comes again', async () => {
    const content = Buffer.from('à réparer');
    const put = await store.put(content);
    const path = store.pathOf(put.sha256);
    chmodSync(path, 0o600);
    writeFileSync(path, 'à ré');
    assert.equal((await store.put(content)).created, true);
    assert.deepEqual(await store.read(put.sha256), content);
  });

  it('say when a file is missing, and never turn a bad reference into a path', async () => {
    await assert.rejects(store.read('0'.repeat(64)), isCode('STORED_FILE_MISSING'));
    await assert.rejects(store.get('0'.repeat(64)), isCode('STORED_FILE_MISSING'));
    assert.equal(await store.has('../../etc/passwd'), false);
    assert.throws(() => store.pathOf('../../etc/passwd'), isCode('STORED_FILE_MISSING'));
    await assert.rejects(store.read('ABC'), isCode('STORED_FILE_MISSING'));
  });
});
