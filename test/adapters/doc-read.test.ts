import assert from 'node:assert/strict';
import { test } from 'node:test';
import CFB from 'cfb';
import { readDoc } from '../../src/adapters/doc/read-doc.js';
import { Deadline } from '../../src/adapters/shared/deadline.js';
import { oleKind, sniffBytes } from '../../src/adapters/sniff/identify.js';
import { DEFAULT_LIMITS, type ReaderLimits } from '../../src/domain/manuscript/limits.js';
import type { Manuscript } from '../../src/domain/manuscript/model.js';
import { AppError } from '../../src/domain/shared/errors.js';

/**
 * A minimal Word 97 file built here: a FIB, the text in one or two pieces, a piece table in
 * 1Table, optional character properties (to mark deleted text) and property sets, in an OLE
 * container written by the cfb package. Story texts carry Word's control characters.
 */
interface DocFixture {
  body: string;
  footnotes?: string;
  endnotes?: string;
  textboxes?: string;
  /** Store the second half of the text as an 8-bit (Windows-1252) piece. */
  mixedPieces?: boolean;
  /** [start, end) character positions of text deleted with revision marks on. */
  deleted?: [number, number];
  fib?: { magic?: number; nFib?: number; flagsOr?: number };
  streams?: Record<string, Buffer>;
  omitTable?: boolean;
}

const TEXT_AT = 0x800;

function makeDoc(f: DocFixture): Buffer {
  const subdocs = (f.footnotes ?? '') + (f.endnotes ?? '') + (f.textboxes ?? '');
  // Order of the stories in character positions: text, notes, headers, comments, endnotes, boxes.
  const all = f.body + (f.footnotes ?? '') + (f.endnotes ?? '') + (f.textboxes ?? '') + (subdocs ? '\r' : '');
  const split = f.mixedPieces ? Math.floor(all.length / 2) : all.length;
  const unicode = Buffer.from(all.slice(0, split), 'utf16le');
  const eightBit = Buffer.from(all.slice(split), 'latin1');
  // The character-property page (when there is one) comes in the 512-byte page after the text.
  const fkpPage = Math.ceil((TEXT_AT + unicode.length + eightBit.length) / 512);
  const word = Buffer.alloc(fkpPage * 512 + 512);
  unicode.copy(word, TEXT_AT);
  eightBit.copy(word, TEXT_AT + unicode.length);
  word.writeUInt16LE(f.fib?.magic ?? 0xa5ec, 0);
  word.writeUInt16LE(f.fib?.nFib ?? 0xc1, 2);
  word.writeUInt16LE(0x0200 | (f.fib?.flagsOr ?? 0), 0x0a); // fWhichTblStm: 1Table
  word.writeUInt16LE(14, 0x20);
  word.writeUInt16LE(22, 0x3e);
  word.writeUInt32LE(word.length, 0x40);
  word.writeInt32LE(f.body.length, 0x4c);
  word.writeInt32LE((f.footnotes ?? '').length, 0x50);
  word.writeInt32LE((f.endnotes ?? '').length, 0x60);
  word.writeInt32LE((f.textboxes ?? '').length, 0x64);
  word.writeUInt16LE(0x5d, 0x98);

  const pieces: [number, number, number][] = [[0, split, TEXT_AT]];
  if (split < all.length) pieces.push([split, all.length, ((TEXT_AT + unicode.length) * 2) | 0x40000000]);
  const plcPcd = Buffer.alloc(4 * (pieces.length + 1) + 8 * pieces.length);
  pieces.forEach(([start, end, fc], i) => {
    plcPcd.writeUInt32LE(start, i * 4);
    plcPcd.writeUInt32LE(end, (i + 1) * 4);
    plcPcd.writeUInt32LE(fc >>> 0, 4 * (pieces.length + 1) + i * 8 + 2);
  });
  const clx = Buffer.concat([Buffer.from([0x02]), u32(plcPcd.length), plcPcd]);
  let table: Buffer = clx;
  word.writeUInt32LE(0, 0x1a2);
  word.writeUInt32LE(clx.length, 0x1a6);
  if (f.deleted) table = addDeletion(word, table, f.deleted, fkpPage);
  const streams: Record<string, Buffer> = { '/WordDocument': word, ...f.streams };
  if (!f.omitTable) streams['/1Table'] = table;
  return compound(streams);
}

/** One character-property page whose single run carries sprmCFRMarkDel (deleted revision). */
function addDeletion(word: Buffer, table: Buffer, [start, end]: [number, number], fkpPage: number): Buffer {
  const page = Buffer.alloc(512);
  page.writeUInt32LE(TEXT_AT + start * 2, 0);
  page.writeUInt32LE(TEXT_AT + end * 2, 4);
  page[8] = 0x80; // the CHPX sits at byte 0x100 of the page
  page[0x100] = 3;
  page.writeUInt16LE(0x0800, 0x101);
  page[0x103] = 1;
  page[511] = 1;
  page.copy(word, fkpPage * 512);
  const plcBte = Buffer.concat([u32(TEXT_AT + start * 2), u32(TEXT_AT + end * 2), u32(fkpPage)]);
  word.writeUInt32LE(table.length, 0xfa);
  word.writeUInt32LE(plcBte.length, 0xfe);
  return Buffer.concat([table, plcBte]);
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

function compound(streams: Record<string, Buffer>): Buffer {
  const container = CFB.utils.cfb_new();
  for (const [path, data] of Object.entries(streams)) CFB.utils.cfb_add(container, path, data);
  return Buffer.from(CFB.write(container, { type: 'buffer' }) as Uint8Array);
}

type Prop = [number, 'i2' | 'i4' | 'str', number | string];

/** An OLE property set stream ([MS-OLEPS]) with one set of the given properties. */
function propertySet(props: Prop[]): Buffer {
  const values = props.map(([, type, value]) => {
    if (type === 'str') {
      const text = Buffer.from(`${value}\0`, 'latin1');
      const padded = Buffer.alloc(Math.ceil(text.length / 4) * 4);
      text.copy(padded);
      return Buffer.concat([u32(0x1e), u32(text.length), padded]);
    }
    const v = Buffer.alloc(8);
    v.writeUInt16LE(type === 'i2' ? 2 : 3, 0);
    if (type === 'i2') v.writeInt16LE(value as number, 4);
    else v.writeInt32LE(value as number, 4);
    return v;
  });
  let offset = 8 + props.length * 8;
  const index = props.map(([id], i) => {
    const entry = Buffer.concat([u32(id), u32(offset)]);
    offset += (values[i] as Buffer).length;
    return entry;
  });
  const body = Buffer.concat([...index, ...values]);
  const set = Buffer.concat([u32(8 + body.length), u32(props.length), body]);
  const header = Buffer.alloc(48);
  header.writeUInt16LE(0xfffe, 0);
  header.writeUInt32LE(1, 24);
  header.writeUInt32LE(48, 44);
  return Buffer.concat([header, set]);
}

async function read(bytes: Buffer, limits: Partial<ReaderLimits> = {}): Promise<Manuscript> {
  const all = { ...DEFAULT_LIMITS, ...limits };
  return readDoc(bytes, { limits: all, deadline: new Deadline(all.maxMilliseconds) });
}

async function rejectsWith(promise: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(promise, (e: unknown) => {
    assert.ok(e instanceof AppError, `expected an AppError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    return true;
  });
}

test('a minimal Word 97 file is recognised and read, approximately', async () => {
  const bytes = makeDoc({ body: 'Bonjour le monde.\rDeuxième paragraphe\r' });
  assert.equal(sniffBytes(bytes), 'ole-container');
  assert.equal(oleKind(bytes), 'doc');
  const m = await read(bytes);
  assert.equal(m.format, 'doc');
  assert.equal(m.counts.approximate, true);
  assert.equal(m.counts.signes.total, 17 + 19);
  assert.equal(m.counts.words, 5);
  assert.equal(m.counts.paragraphs, 2);
  assert.deepEqual(
    m.paragraphs.map((p) => p.text),
    ['Bonjour le monde.', 'Deuxième paragraphe'],
  );
  assert.equal(m.notes[0]?.code, 'DOC_APPROXIMATE');
});

test('Word control characters count by the rules: tab, line break, hyphens, breaks, cells', async () => {
  const m = await read(
    makeDoc({ body: 'a\tb\x0bc\x1ed\x1fe\x0cf\x0eg\x01\rCase A\x07Case B\x07\x07\r', mixedPieces: true }),
  );
  assert.deepEqual(
    m.paragraphs.map((p) => p.text),
    ['a\tb\nc\u2011defg', 'Case A', 'Case B', '', ''],
  );
  assert.equal(m.counts.signes.total, 10 + 6 + 6);
  assert.equal(m.facts.images, 1);
});

test('field codes are left out and their results count; nested fields too', async () => {
  const body =
    'Voir \x13 CITATION Dupont \\l 1036 \x14(Dupont, 2020)\x15 ici. \x13 IF \x13 PAGE \x14 1\x15 = 1 \x14oui\x15\r';
  const m = await read(makeDoc({ body }));
  assert.equal(m.paragraphs[0]?.text, 'Voir (Dupont, 2020) ici. oui');
  assert.equal(
    m.counts.leftOut.fieldCodeChars,
    ' CITATION Dupont \\l 1036 '.length + ' IF '.length + ' PAGE '.length + 2 + ' = 1 '.length,
  );
});

test('footnotes, endnotes and text boxes are counted in their stories; references are not', async () => {
  const m = await read(
    makeDoc({
      body: 'Texte\x02 suite\x05.\r',
      footnotes: '\x02 Une note.\r',
      endnotes: '\x02 Fin.\r',
      textboxes: 'Encadré\r',
    }),
  );
  assert.equal(m.counts.signes.body, 'Texte suite.'.length);
  assert.equal(m.counts.signes.notes, ' Une note.'.length + ' Fin.'.length);
  assert.equal(m.counts.signes.textboxes, 7);
  assert.equal(m.facts.comments, 1);
  const stories = m.paragraphs.filter((p) => p.text).map((p) => `${p.story}:${p.text}`);
  assert.deepEqual(stories, ['body:Texte suite.', 'footnote: Une note.', 'endnote: Fin.', 'textbox:Encadré']);
});

test('text deleted with revision marks on is left out and counted as a deletion', async () => {
  const m = await read(makeDoc({ body: 'Un texte supprimé ici.\r', deleted: [9, 18] }));
  assert.equal(m.paragraphs[0]?.text, 'Un texte ici.');
  assert.equal(m.counts.leftOut.deletedChars, 9);
  assert.equal(m.facts.trackedChanges.deletions, 1);
});

test('the stored statistics and the people come from the property sets', async () => {
  const summary = propertySet([
    [0x01, 'i2', 1252],
    [0x02, 'str', 'Le travail social'],
    [0x04, 'str', 'Camille Hérault'],
    [0x08, 'str', 'Relecteur'],
    [0x0e, 'i4', 3],
    [0x0f, 'i4', 1530],
    [0x10, 'i4', 8400],
    [0x12, 'str', 'Microsoft Office Word'],
  ]);
  const documentSummary = propertySet([
    [0x06, 'i4', 12],
    [0x11, 'i4', 9876],
    [0x17, 'i4', (11 << 16) | 6568],
  ]);
  const m = await read(
    makeDoc({
      body: 'Texte.\r',
      streams: { '/\u0005SummaryInformation': summary, '/\u0005DocumentSummaryInformation': documentSummary },
    }),
  );
  assert.deepEqual(m.facts.stored, {
    charactersWithSpaces: 9876,
    characters: 8400,
    words: 1530,
    paragraphs: 12,
    pages: 3,
    application: 'Microsoft Office Word',
    appVersion: '11.6568',
  });
  assert.deepEqual(m.facts.core, {
    creator: 'Camille Hérault',
    lastModifiedBy: 'Relecteur',
    title: 'Le travail social',
  });
});

test('templates and macros are flagged', async () => {
  const m = await read(
    makeDoc({ body: 'Modèle\r', fib: { flagsOr: 0x0001 }, streams: { '/Macros/VBA/dir': Buffer.alloc(10) } }),
  );
  assert.equal(m.facts.flavour, 'template');
  assert.equal(m.facts.macros, true);
});

test('an encrypted .doc (fEncrypted) is refused with ENCRYPTED', async () => {
  await rejectsWith(read(makeDoc({ body: 'Secret\r', fib: { flagsOr: 0x0100 } })), 'ENCRYPTED');
});

test('Word 6 and Word 95 files are refused as too old', async () => {
  await rejectsWith(read(makeDoc({ body: 'Ancien\r', fib: { magic: 0xa5dc } })), 'DOC_TOO_OLD');
  await rejectsWith(read(makeDoc({ body: 'Ancien\r', fib: { nFib: 0x68 } })), 'DOC_TOO_OLD');
});

test('damaged .doc files are refused with DOC_UNREADABLE', async () => {
  const good = makeDoc({ body: 'Texte.\r' });
  await rejectsWith(read(makeDoc({ body: 'Texte.\r', omitTable: true })), 'DOC_UNREADABLE');
  await rejectsWith(read(makeDoc({ body: 'Texte.\r', fib: { magic: 0x1234 } })), 'DOC_UNREADABLE');
  await rejectsWith(read(good.subarray(0, 1024)), 'DOC_UNREADABLE');
  await rejectsWith(read(compound({ '/WordDocument': Buffer.alloc(100) })), 'DOC_UNREADABLE');
  const garbage = Buffer.concat([good.subarray(0, 8), Buffer.alloc(4000, 0x5a)]);
  await rejectsWith(read(garbage), 'DOC_UNREADABLE');
});

test('a piece table that promises more text than the file holds is refused before extraction', async () => {
  const bytes = makeDoc({ body: 'Texte.\r' });
  const container = CFB.read(bytes, { type: 'buffer' });
  const table = Buffer.from(CFB.find(container, '/1Table')?.content as Uint8Array);
  table.writeUInt32LE(0x7fffffff, 5 + 4); // the last character position
  await rejectsWith(
    read(compound({ '/WordDocument': wordStream(bytes), '/1Table': table })),
    'DOC_UNREADABLE',
  );
});

function wordStream(bytes: Buffer): Buffer {
  const container = CFB.read(bytes, { type: 'buffer' });
  return Buffer.from(CFB.find(container, '/WordDocument')?.content as Uint8Array);
}

test('an extractor failure inside the worker becomes DOC_UNREADABLE, not a crash', async () => {
  const bytes = makeDoc({ body: 'Texte.\r' });
  const word = wordStream(bytes);
  const table = Buffer.from(CFB.find(CFB.read(bytes, { type: 'buffer' }), '/1Table')?.content as Uint8Array);
  // Character properties on a page far past the end of the Word stream: word-extractor throws.
  word.writeUInt32LE(table.length, 0xfa);
  word.writeUInt32LE(12, 0xfe);
  const withBadPage = Buffer.concat([table, u32(TEXT_AT), u32(TEXT_AT + 14), u32(9999)]);
  await assert.rejects(read(compound({ '/WordDocument': word, '/1Table': withBadPage })), (e: unknown) => {
    assert.ok(e instanceof AppError && e.code === 'DOC_UNREADABLE');
    assert.match(e.text.fr, /structure interne endommagée/);
    assert.match(String(e.params.cause), /outside buffer bounds|out of range/i);
    return true;
  });
});

test('a file that keeps the extractor busy is stopped at the deadline', async () => {
  // A million characters and 20 000 property entries that each re-mark all of them as deleted:
  // word-extractor rewrites the whole text for each one, far longer than the time allowed.
  const body = `${'x'.repeat(1_000_000)}\r`;
  const bytes = makeDoc({ body, deleted: [0, 1_000_000] });
  const word = wordStream(bytes);
  const container = CFB.read(bytes, { type: 'buffer' });
  const table = Buffer.from(CFB.find(container, '/1Table')?.content as Uint8Array);
  const bteAt = word.readUInt32LE(0xfa);
  const repeats = 20_000;
  const fcs = Array.from({ length: repeats + 1 }, () => u32(TEXT_AT));
  fcs[repeats] = u32(TEXT_AT + 2_000_000);
  const pages = Array.from({ length: repeats }, () => u32(Math.floor(word.length / 512) - 1));
  const plcBte = Buffer.concat([...fcs, ...pages]);
  const bigTable = Buffer.concat([table.subarray(0, bteAt), plcBte]);
  word.writeUInt32LE(plcBte.length, 0xfe);
  const started = Date.now();
  await rejectsWith(
    read(compound({ '/WordDocument': word, '/1Table': bigTable }), { maxMilliseconds: 1500 }),
    'TIMEOUT',
  );
  assert.ok(Date.now() - started < 6000, `took ${Date.now() - started} ms`);
});
