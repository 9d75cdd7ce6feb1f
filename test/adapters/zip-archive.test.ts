import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Deadline } from '../../src/adapters/shared/deadline.js';
import { ZipArchive } from '../../src/adapters/zip/zip-archive.js';
import { DEFAULT_LIMITS, type ReaderLimits } from '../../src/domain/manuscript/limits.js';
import { AppError } from '../../src/domain/shared/errors.js';
import { makeZip, patchEntry } from '../helpers/zip-fixtures.js';

const LONG = new Deadline(10_000);

function open(bytes: Buffer, limits: Partial<ReaderLimits> = {}, deadline = LONG): Promise<ZipArchive> {
  return ZipArchive.open(bytes, { ...DEFAULT_LIMITS, ...limits }, deadline);
}

async function drain(archive: ZipArchive, name: string): Promise<number> {
  let n = 0;
  for await (const chunk of archive.stream(name)) n += chunk.length;
  return n;
}

async function rejectsWith(promise: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(promise, (e: unknown) => {
    assert.ok(e instanceof AppError, `expected an AppError, got ${String(e)}`);
    assert.equal(e.code, code);
    return true;
  });
}

/** A deterministic byte generator: random garbage that is the same on every run. */
function garbage(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

test('an ordinary archive: lookups ignore case, text and streams read, a missing part is null', async () => {
  const zip = await makeZip([
    { name: 'word/document.xml', data: '<w:document/>' },
    { name: 'mimetype', data: 'application/test', compress: false },
  ]);
  const archive = await open(zip);
  try {
    assert.equal(archive.has('WORD/Document.xml'), true);
    assert.deepEqual(archive.names().sort(), ['mimetype', 'word/document.xml']);
    assert.equal(await archive.text('word/document.xml'), '<w:document/>');
    assert.equal(await archive.text('missing.xml'), null);
    assert.equal(await drain(archive, 'missing.xml'), 0);
    assert.deepEqual(archive.info('mimetype'), {
      name: 'mimetype',
      compressedSize: 16,
      uncompressedSize: 16,
      encrypted: false,
    });
  } finally {
    archive.close();
  }
});

test('zip bomb: an entry that inflates far beyond the ratio cap is refused before inflating', async () => {
  const zip = await makeZip([{ name: 'content.xml', data: Buffer.alloc(4 * 1024 * 1024, 0x20) }]);
  const archive = await open(zip);
  try {
    const info = archive.info('content.xml');
    assert.ok(info && info.uncompressedSize / info.compressedSize > 200);
    await rejectsWith(drain(archive, 'content.xml'), 'ZIP_BOMB');
  } finally {
    archive.close();
  }
});

test('too many entries', async () => {
  const entries = Array.from({ length: 6 }, (_, i) => ({ name: `part${i}.xml`, data: '<x/>' }));
  await rejectsWith(open(await makeZip(entries), { maxEntries: 5 }), 'ZIP_TOO_MANY_ENTRIES');
});

test('declared uncompressed total too large', async () => {
  const entries = [
    { name: 'a.xml', data: Buffer.alloc(800, 0x61) },
    { name: 'b.xml', data: Buffer.alloc(800, 0x62) },
  ];
  await rejectsWith(
    open(await makeZip(entries), { maxTotalUncompressedBytes: 1000 }),
    'UNCOMPRESSED_TOO_LARGE',
  );
});

test('a declared size over the lying total is refused even when the header lies low', async () => {
  const zip = await makeZip([{ name: 'a.xml', data: Buffer.alloc(5000, 0x61) }]);
  const lying = patchEntry(zip, 'a.xml', { uncompressedSize: 0xfffffff0 });
  await rejectsWith(open(lying, { maxTotalUncompressedBytes: 1_000_000 }), 'UNCOMPRESSED_TOO_LARGE');
});

test('a part over the part cap is refused', async () => {
  const zip = await makeZip([{ name: 'content.xml', data: Buffer.alloc(5000, 0x61) }]);
  const archive = await open(zip, { maxPartBytes: 1000 });
  try {
    await rejectsWith(drain(archive, 'content.xml'), 'PART_TOO_LARGE');
    await rejectsWith(archive.text('content.xml'), 'PART_TOO_LARGE');
  } finally {
    archive.close();
  }
});

test('an entry whose header understates its size is caught while inflating', async () => {
  const zip = await makeZip([{ name: 'content.xml', data: Buffer.alloc(5000, 0x61) }]);
  const lying = patchEntry(zip, 'content.xml', { uncompressedSize: 100 });
  const archive = await open(lying);
  try {
    await rejectsWith(drain(archive, 'content.xml'), 'ZIP_INVALID');
  } finally {
    archive.close();
  }
});

test('a stored entry whose sizes disagree is refused when the archive opens', async () => {
  const zip = await makeZip([{ name: 'mimetype', data: 'application/x', compress: false }]);
  await rejectsWith(open(patchEntry(zip, 'mimetype', { uncompressedSize: 3 })), 'ZIP_INVALID');
});

test('an encrypted entry is reported as such and never read', async () => {
  const zip = await makeZip([{ name: 'content.xml', data: '<x/>' }]);
  const archive = await open(patchEntry(zip, 'content.xml', { flagsOr: 1 }));
  try {
    assert.equal(archive.info('content.xml')?.encrypted, true);
    await rejectsWith(drain(archive, 'content.xml'), 'ENCRYPTED');
  } finally {
    archive.close();
  }
});

test('entry names with ../ or an absolute path are only names: nothing is ever written', async () => {
  const zip = await makeZip([
    { name: 'aa/evil-zip-slip.txt', data: 'x' },
    { name: 'tmp/evil-zip-slip2', data: 'y' },
    { name: 'content.xml', data: '<x/>' },
  ]);
  let hostile = patchEntry(zip, 'aa/evil-zip-slip.txt', { rename: '../evil-zip-slip.txt' });
  hostile = patchEntry(hostile, 'tmp/evil-zip-slip2', { rename: '/tmp/evil-zip-slip' });
  const archive = await open(hostile);
  try {
    assert.ok(archive.names().includes('../evil-zip-slip.txt'));
    assert.ok(archive.names().includes('/tmp/evil-zip-slip'));
    assert.equal(await archive.text('../evil-zip-slip.txt'), 'x');
    assert.equal(await archive.text('content.xml'), '<x/>');
  } finally {
    archive.close();
  }
  assert.equal(existsSync(resolve('..', 'evil-zip-slip.txt')), false);
  assert.equal(existsSync('/tmp/evil-zip-slip'), false);
});

test('a truncated archive is refused with ZIP_INVALID', async () => {
  const zip = await makeZip([{ name: 'content.xml', data: garbage(3000, 3) }]);
  await rejectsWith(open(zip.subarray(0, zip.length - 10)), 'ZIP_INVALID');
  await rejectsWith(open(zip.subarray(0, 1500)), 'ZIP_INVALID');
  // The data cut short but the directory kept: the entry's bytes run past the end.
  const hollow = Buffer.concat([zip.subarray(0, 100), zip.subarray(zip.length - 200)]);
  await assert.rejects(
    (async () => drain(await open(hollow), 'content.xml'))(),
    (e: unknown) => e instanceof AppError && e.code === 'ZIP_INVALID',
  );
});

test('random garbage, with or without a zip signature, is ZIP_INVALID', async () => {
  for (let seed = 1; seed <= 20; seed++) {
    const noise = garbage(2000, seed);
    await rejectsWith(open(noise), 'ZIP_INVALID');
    await rejectsWith(open(Buffer.concat([Buffer.from('PK\u0003\u0004'), noise])), 'ZIP_INVALID');
  }
});

test('a deadline that has passed stops the opening', async () => {
  const zip = await makeZip([{ name: 'a.xml', data: '<x/>' }]);
  const deadline = new Deadline(0);
  await sleep(5);
  await rejectsWith(open(zip, {}, deadline), 'TIMEOUT');
});

test('a deadline that passes while streaming stops the stream', async () => {
  const zip = await makeZip([{ name: 'big.xml', data: garbage(3 * 1024 * 1024, 7) }]);
  const deadline = new Deadline(100);
  const archive = await open(zip, {}, deadline);
  try {
    await sleep(150);
    await rejectsWith(drain(archive, 'big.xml'), 'TIMEOUT');
  } finally {
    archive.close();
  }
});
