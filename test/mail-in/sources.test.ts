import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { RawMessage, SourceItem, SourceProblem } from '../../src/adapters/mail-in/raw-message.js';
import { sha256Hex } from '../../src/adapters/mail-in/raw-message.js';
import { readEml } from '../../src/adapters/mail-in/read-eml.js';
import { readMaildir } from '../../src/adapters/mail-in/read-maildir.js';
import { readMbox, splitMbox } from '../../src/adapters/mail-in/read-mbox.js';
import { detectPathKind, readPaths } from '../../src/adapters/mail-in/read-paths.js';
import { composeEml, makeMbox, rawMail } from '../helpers/mail-fixtures.js';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'appel-mail-in-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function collect(items: AsyncIterable<SourceItem>): Promise<SourceItem[]> {
  const out: SourceItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}
const messages = (items: SourceItem[]): RawMessage[] =>
  items.flatMap((i) => (i.type === 'message' ? [i.message] : []));
const problems = (items: SourceItem[]): SourceProblem[] =>
  items.flatMap((i) => (i.type === 'problem' ? [i.problem] : []));

/** Feeds a buffer to the splitter in pieces of `size` bytes, as a stream would. */
async function* pieces(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

const THREE = [
  rawMail(['From: a@example.fr', 'Subject: un'], 'Premier message.'),
  rawMail(
    ['From: b@example.fr', 'Subject: deux'],
    'Ligne normale.\r\nFrom the start, this line began with From.\r\n>From quoted already.',
  ),
  rawMail(['From: c@example.fr', 'Subject: trois'], 'Troisième.'),
];

describe('.eml reader', () => {
  it('returns the bytes as on disk, with their SHA-256 and no reception time', async () => {
    const bytes = await composeEml();
    const path = join(dir, 'one.eml');
    await writeFile(path, bytes);
    const item = await readEml(path);
    assert.equal(item.type, 'message');
    if (item.type !== 'message') return;
    assert.deepEqual(item.message.bytes, bytes);
    assert.equal(item.message.sha256, sha256Hex(bytes));
    assert.deepEqual(item.message.source, { kind: 'eml', location: path });
    assert.equal(item.message.receivedAt, undefined);
  });

  it('reports a file over the cap, and a missing file, as problems', async () => {
    const path = join(dir, 'big.eml');
    await writeFile(path, Buffer.alloc(2000, 0x61));
    const big = await readEml(path, { maxMessageBytes: 1000 });
    assert.equal(big.type === 'problem' && big.problem.code, 'MAIL_TOO_LARGE');
    const missing = await readEml(join(dir, 'nope.eml'));
    assert.equal(missing.type === 'problem' && missing.problem.code, 'MAILBOX_UNREADABLE');
    assert.equal(missing.type === 'problem' && missing.problem.params.detail, 'ENOENT');
  });
});

describe('mbox splitter', () => {
  it('splits three messages and unescapes ">From " lines (mboxrd)', async () => {
    const path = join(dir, 'three.mbox');
    await writeFile(path, makeMbox(THREE));
    const items = await collect(readMbox(path));
    const got = messages(items);
    assert.equal(got.length, 3);
    assert.deepEqual(problems(items), []);
    assert.deepEqual(
      got.map((m) => m.source.location),
      [1, 2, 3].map((n) => `${path}#${n}`),
    );
    const second = got[1]?.bytes.toString('utf8') ?? '';
    assert.match(second, /\nFrom the start, this line began with From\.\n/);
    assert.match(second, /\n>From quoted already\.\n$/);
    // The separator's blank line is not part of the message: the bytes end as the message did.
    assert.equal(got[0]?.bytes.toString('utf8'), 'From: a@example.fr\nSubject: un\n\nPremier message.\n');
    assert.equal(got[0]?.source.offset, 0);
  });

  it('gives the same messages whatever the chunk size, CRLF files included', async () => {
    for (const lineEnd of ['\n', '\r\n']) {
      const mbox = makeMbox(THREE, lineEnd);
      const whole = messages(await collect(splitMbox(pieces(mbox, mbox.length), 'm')));
      for (const size of [1, 2, 7, 64]) {
        const split = messages(await collect(splitMbox(pieces(mbox, size), 'm')));
        assert.deepEqual(
          split.map((m) => m.sha256),
          whole.map((m) => m.sha256),
          `chunks of ${size}`,
        );
      }
      assert.equal(whole.length, 3);
    }
  });

  it('does not split at a "From " line inside a paragraph that an old writer left unescaped', async () => {
    const mbox = Buffer.from(
      'From a@example.fr Sat Mar  1 10:00:00 2025\nSubject: x\n\nline one\nFrom here on we agree.\n\n',
    );
    const got = messages(await collect(splitMbox(pieces(mbox, 5), 'm')));
    assert.equal(got.length, 1);
    assert.match(got[0]?.bytes.toString() ?? '', /From here on we agree/);
  });

  it('turns a message over the cap into a problem and goes on with the next', async () => {
    const big = rawMail(['From: big@example.fr', 'Subject: gros'], 'x'.repeat(5000));
    const mbox = makeMbox([THREE[0] as Buffer, big, THREE[2] as Buffer]);
    const items = await collect(splitMbox(pieces(mbox, 100), 'm', { maxMessageBytes: 1000 }));
    assert.deepEqual(
      items.map((i) => (i.type === 'message' ? 'message' : i.problem.code)),
      ['message', 'MAIL_TOO_LARGE', 'message'],
    );
    assert.equal(problems(items)[0]?.source.index, 2);
  });

  it('keeps memory bounded on one huge line, and reports the message', async () => {
    const huge = Buffer.concat([
      Buffer.from('From a@example.fr Sat Mar  1 10:00:00 2025\nSubject: x\n\n'),
      Buffer.alloc(3_000_000, 0x61),
      Buffer.from('\n\nFrom b@example.fr Sat Mar  1 10:00:00 2025\nSubject: y\n\nok\n'),
    ]);
    const items = await collect(splitMbox(pieces(huge, 65536), 'm', { maxMessageBytes: 1_000_000 }));
    assert.deepEqual(
      items.map((i) => (i.type === 'message' ? 'message' : i.problem.code)),
      ['MAIL_TOO_LARGE', 'message'],
    );
  });

  it('stops at the message count cap with a problem saying so', async () => {
    const items = await collect(splitMbox(pieces(makeMbox(THREE), 50), 'm', { maxMessages: 2 }));
    assert.deepEqual(
      items.map((i) => (i.type === 'message' ? 'message' : i.problem.code)),
      ['message', 'message', 'MBOX_TOO_MANY_MESSAGES'],
    );
  });

  it('says when a file is not an mbox', async () => {
    const items = await collect(splitMbox(pieces(Buffer.from('Subject: x\n\nhello\n'), 10), 'm'));
    assert.equal(problems(items)[0]?.code, 'MAILBOX_UNREADABLE');
  });

  it('reads mboxo files: only ">From " loses its ">"', async () => {
    const mbox = Buffer.from('From a@x.fr Sat Mar  1 10:00:00 2025\nSubject: x\n\n>From a\n>>From b\n\n');
    const [m] = messages(await collect(splitMbox(pieces(mbox, 8), 'm', { format: 'mboxo' })));
    assert.equal(m?.bytes.toString(), 'Subject: x\n\nFrom a\n>>From b\n');
  });
});

describe('Maildir reader', () => {
  it('reads cur/ and new/, skips tmp/, and gives the file time as reception time', async () => {
    const maildir = join(dir, 'Maildir');
    for (const sub of ['cur', 'new', 'tmp']) await mkdir(join(maildir, sub), { recursive: true });
    await writeFile(join(maildir, 'cur', '1700000000.1.host:2,S'), THREE[0] as Buffer);
    await writeFile(join(maildir, 'new', '1700000001.2.host'), THREE[1] as Buffer);
    await writeFile(join(maildir, 'tmp', '1700000002.3.host'), THREE[2] as Buffer);
    const when = new Date('2025-03-01T09:30:00Z');
    await utimes(join(maildir, 'new', '1700000001.2.host'), when, when);
    const got = messages(await collect(readMaildir(maildir)));
    assert.equal(got.length, 2);
    assert.equal(got[1]?.receivedAt?.toISOString(), when.toISOString());
    assert.equal(got[1]?.receivedAtSource, 'file-time');
    assert.equal(got[0]?.source.kind, 'maildir');
  });

  it('says when a folder is not a Maildir', async () => {
    const empty = join(dir, 'empty');
    await mkdir(empty, { recursive: true });
    const items = await collect(readMaildir(empty));
    assert.equal(problems(items)[0]?.code, 'MAILBOX_UNREADABLE');
  });
});

describe('import paths', () => {
  it('tells an mbox, an .eml and a Maildir apart by content', async () => {
    const mbox = join(dir, 'export.txt');
    await writeFile(mbox, makeMbox(THREE));
    const eml = join(dir, 'message');
    await writeFile(eml, THREE[0] as Buffer);
    assert.equal(await detectPathKind(mbox), 'mbox');
    assert.equal(await detectPathKind(eml), 'eml');
    assert.equal(await detectPathKind(join(dir, 'Maildir')), 'maildir');
    const items = await collect(readPaths([mbox, eml, join(dir, 'absent')]));
    assert.deepEqual(
      items.map((i) => (i.type === 'message' ? i.message.source.kind : i.problem.code)),
      ['mbox', 'mbox', 'mbox', 'eml', 'MAILBOX_UNREADABLE'],
    );
  });
});
