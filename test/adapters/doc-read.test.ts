import assert from 'node:assert/strict';
import { test } from 'node:test';
import { oleKind, sniffBytes } from '../../src/adapters/sniff/identify.js';
import { AppError } from '../../src/domain/shared/errors.js';
import {
  compound,
  makeDoc,
  propertySet,
  readDocFixture as read,
  SPRM,
  streamOf,
  TEXT_AT,
  u32,
} from '../helpers/doc-fixtures.js';

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
  const m = await read(
    makeDoc({ body: 'Un texte supprimé ici.\r', runs: [{ from: 9, to: 18, grpprl: SPRM.deleted() }] }),
  );
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
  const table = streamOf(bytes, '/1Table');
  table.writeUInt32LE(0x7fffffff, 5 + 4); // the last character position
  await rejectsWith(
    read(compound({ '/WordDocument': streamOf(bytes, '/WordDocument'), '/1Table': table })),
    'DOC_UNREADABLE',
  );
});

/** The fixture's streams with a property index (at `fibAt` in the FIB) naming page 9999. */
function withBadPage(fibAt: number): Buffer {
  const bytes = makeDoc({ body: 'Texte.\r' });
  const word = streamOf(bytes, '/WordDocument');
  const table = streamOf(bytes, '/1Table');
  word.writeUInt32LE(table.length, fibAt);
  word.writeUInt32LE(12, fibAt + 4);
  const bad = Buffer.concat([table, u32(TEXT_AT), u32(TEXT_AT + 14), u32(9999)]);
  return compound({ '/WordDocument': word, '/1Table': bad });
}

async function rejectsDamaged(bytes: Buffer, cause: RegExp): Promise<void> {
  await assert.rejects(read(bytes), (e: unknown) => {
    assert.ok(e instanceof AppError && e.code === 'DOC_UNREADABLE');
    assert.match(e.text.fr, /structure interne endommagée/);
    assert.match(String(e.params.cause), cause);
    return true;
  });
}

test('an extractor failure inside the worker becomes DOC_UNREADABLE, not a crash', async () => {
  // Paragraph properties on a page far past the end of the Word stream: word-extractor throws.
  await rejectsDamaged(withBadPage(0x102), /outside buffer bounds|out of range/i);
  // Character properties there: our own reader (char-runs.ts) refuses them.
  await rejectsDamaged(withBadPage(0xfa), /page 9999 is outside the file/);
});

/**
 * A million characters and 20 000 paragraph-property entries that each mark all of them as a
 * table-row end (sprmPFTtp): word-extractor rewrites the whole text for each one, far longer
 * than the time allowed.
 */
function busyDoc(): Buffer {
  const body = `${'x'.repeat(1_000_000)}\r`;
  const bytes = makeDoc({ body });
  const word = streamOf(bytes, '/WordDocument');
  const table = streamOf(bytes, '/1Table');
  const page = Buffer.alloc(512);
  page.writeUInt32LE(TEXT_AT, 0);
  page.writeUInt32LE(TEXT_AT + 2_000_000, 4);
  page[8] = 0x80; // the PapxInFkp sits at byte 0x100 of the page
  page[0x100] = 3; // 2 × 3 − 1 = 5 bytes: istd, then sprmPFTtp 0x2417 with operand 1
  page.writeUInt16LE(0x2417, 0x103);
  page[0x105] = 1;
  page[511] = 1;
  const pageNumber = Math.floor(word.length / 512);
  const repeats = 20_000;
  const fcs = Array.from({ length: repeats + 1 }, () => u32(TEXT_AT));
  fcs[repeats] = u32(TEXT_AT + 2_000_000);
  const pages = Array.from({ length: repeats }, () => u32(pageNumber));
  const plcBte = Buffer.concat([...fcs, ...pages]);
  word.writeUInt32LE(table.length, 0x102);
  word.writeUInt32LE(plcBte.length, 0x106);
  return compound({
    '/WordDocument': Buffer.concat([word, page]),
    '/1Table': Buffer.concat([table, plcBte]),
  });
}

test('a file that keeps the extractor busy is stopped at the deadline', async () => {
  const started = Date.now();
  await rejectsWith(read(busyDoc(), { maxMilliseconds: 1500 }), 'TIMEOUT');
  assert.ok(Date.now() - started < 6000, `took ${Date.now() - started} ms`);
});
