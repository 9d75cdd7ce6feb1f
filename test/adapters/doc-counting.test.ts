import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CharacterPropertiesError,
  HIDDEN,
  markCharacters,
  readMarkedRuns,
} from '../../src/adapters/doc/char-runs.js';
import { fileFindings } from '../../src/domain/manuscript/file-findings.js';
import { dop, makeDoc, readDocFixture as read, SPRM, sprm, u32 } from '../helpers/doc-fixtures.js';

/**
 * What a .doc counts and leaves out beyond its raw text: revision marks and hidden text from the
 * direct character properties (char-runs.ts), and the document's "include notes" setting (Dop).
 */

test('hidden text (direct formatting) is left out and reported', async () => {
  const m = await read(
    makeDoc({ body: 'Visible secret fin.\r', runs: [{ from: 8, to: 15, grpprl: SPRM.hidden() }] }),
  );
  assert.equal(m.paragraphs[0]?.text, 'Visible fin.');
  assert.equal(m.counts.signes.total, 12);
  assert.equal(m.counts.leftOut.hiddenChars, 7);
  assert.equal(m.facts.hiddenText, true);
  assert.ok(fileFindings(m).some((f) => f.code === 'HIDDEN_TEXT'));
});

test('a hidden tab and line break are hidden too; a hidden paragraph mark still ends its paragraph', async () => {
  const m = await read(
    makeDoc({ body: 'a\tb\x0bc\rd\r', runs: [{ from: 1, to: 6, grpprl: SPRM.hidden() }] }),
  );
  assert.deepEqual(
    m.paragraphs.map((p) => p.text),
    ['a', 'd'],
  );
  assert.equal(m.counts.leftOut.hiddenChars, 4);
});

test('toggle operands: 0x81 (opposite of the style) hides, 0x80 (as the style) and 0 do not', async () => {
  const m = await read(
    makeDoc({
      body: 'un deux trois\r',
      runs: [
        { from: 0, to: 3, grpprl: SPRM.hidden(0x81) },
        { from: 3, to: 8, grpprl: SPRM.hidden(0x80) },
        { from: 8, to: 13, grpprl: SPRM.hidden(0) },
      ],
    }),
  );
  assert.equal(m.paragraphs[0]?.text, 'deux trois');
  assert.equal(m.counts.leftOut.hiddenChars, 3);
});

test('inserted text counts, as if accepted, and each insertion is reported', async () => {
  const m = await read(
    makeDoc({
      body: 'Un ajout et un autre, sans retrait.\r',
      runs: [
        { from: 3, to: 8, grpprl: SPRM.inserted() },
        { from: 15, to: 20, grpprl: SPRM.inserted() },
        { from: 22, to: 27, grpprl: SPRM.deleted() },
      ],
    }),
  );
  assert.equal(m.paragraphs[0]?.text, 'Un ajout et un autre, retrait.');
  assert.deepEqual(m.facts.trackedChanges, { insertions: 2, deletions: 1, moves: 0 });
  assert.equal(m.counts.leftOut.deletedChars, 5);
  assert.ok(fileFindings(m).some((f) => f.code === 'TRACKED_CHANGES_PENDING'));
});

test('spacing and bidi colour are not taken for deletions (word-extractor read any ispmd 0 so)', async () => {
  const spacing = Buffer.from([0x40, 0x88, 15, 0]); // sprmCDxaSpace, 15 twips: odd
  const biColour = Buffer.from([0x60, 0x4a, 1, 0]); // sprmCIcoBi, 1
  const m = await read(
    makeDoc({
      body: 'Texte espacé et coloré.\r',
      runs: [
        { from: 6, to: 12, grpprl: spacing },
        { from: 16, to: 22, grpprl: biColour },
      ],
    }),
  );
  assert.equal(m.paragraphs[0]?.text, 'Texte espacé et coloré.');
  assert.equal(m.counts.leftOut.deletedChars, 0);
});

test('the marks are found past other sprms, whatever their operand size', async () => {
  const grpprl = Buffer.concat([
    Buffer.from([0x31, 0xca, 3, 9, 9, 9]), // sprmCIstdPermute: a count byte, then 3 bytes
    Buffer.from([0x4f, 0x4a, 0x02, 0x00]), // sprmCRgFtc0: 2 bytes
    Buffer.from([0x70, 0x68, 0, 0, 0, 0]), // sprmCCv: 4 bytes
    sprm(0x0835, 1), // sprmCFBold
    SPRM.hidden(),
  ]);
  const m = await read(makeDoc({ body: 'gras caché\r', runs: [{ from: 0, to: 11, grpprl }] }));
  assert.equal(m.counts.signes.total, 0);
  assert.equal(m.counts.leftOut.hiddenChars, 10);
});

test('marks reach the right characters in an 8-bit piece and in the notes', async () => {
  // 'Corps visible\r' (14) + ' Note cachée\r' (13) + '\r': the second half is 8-bit.
  const m = await read(
    makeDoc({
      body: 'Corps visible\r',
      footnotes: ' Note cachée\r',
      mixedPieces: true,
      runs: [
        { from: 6, to: 13, grpprl: SPRM.deleted() },
        { from: 19, to: 26, grpprl: SPRM.hidden() },
      ],
    }),
  );
  assert.deepEqual(
    m.paragraphs.filter((p) => p.text).map((p) => `${p.story}:${p.text}`),
    ['body:Corps ', 'footnote: Note'],
  );
  assert.equal(m.counts.leftOut.deletedChars, 7);
  assert.equal(m.counts.leftOut.hiddenChars, 7);
});

test('a hidden field result counts nothing; its code stays a field code', async () => {
  const body = 'Voir \x13 PAGE \x143\x15 ici.\r';
  const m = await read(makeDoc({ body, runs: [{ from: 5, to: 14, grpprl: SPRM.hidden() }] }));
  assert.equal(m.paragraphs[0]?.text, 'Voir  ici.');
  assert.equal(m.counts.leftOut.fieldCodeChars, ' PAGE '.length);
  assert.equal(m.counts.leftOut.hiddenChars, 1);
});

const NOTES = { body: 'Corps.\r', footnotes: '\x02 Note.\r', textboxes: 'Encadré\r' };

test('the file’s "include notes in the word count" setting, when on, counts notes and text boxes', async () => {
  const m = await read(makeDoc({ ...NOTES, dop: dop(true) }));
  assert.equal(m.counts.subdocsIncluded, true);
  assert.equal(m.counts.signes.total, 6 + 6 + 7);
  assert.deepEqual(
    m.notes.map((n) => n.code),
    ['DOC_APPROXIMATE'],
  );
});

test('the setting off leaves notes and text boxes out, and the author is told how many signes', async () => {
  const m = await read(makeDoc({ ...NOTES, dop: dop(false) }));
  assert.equal(m.counts.subdocsIncluded, false);
  assert.equal(m.counts.signes.total, 6);
  assert.equal(m.counts.signes.notes, 6);
  assert.equal(m.counts.leftOut.subdocChars, 6 + 7);
  const notCounted = fileFindings(m).find((f) => f.code === 'NOTES_NOT_COUNTED');
  assert.match(notCounted?.message.fr ?? '', /13 signes/);
});

test('without a Dop long enough to hold the setting, notes count and the analysis says why', async () => {
  for (const bytes of [makeDoc(NOTES), makeDoc({ ...NOTES, dop: dop(false, 40) })]) {
    const m = await read(bytes);
    assert.equal(m.counts.subdocsIncluded, true);
    assert.equal(m.counts.signes.total, 6 + 6 + 7);
    assert.ok(m.notes.some((n) => n.code === 'DOC_SUBDOCS_SETTING_UNREAD'));
  }
});

/** A Word stream of two pages, the second a ChpxFkp with one hidden run of bytes [0x100, 0x110). */
function onePageStream(crun = 1): Buffer {
  const word = Buffer.alloc(1024);
  const page = word.subarray(512);
  page.writeUInt32LE(0x100, 0);
  page.writeUInt32LE(0x110, 4);
  page[8] = 0x80;
  SPRM.hidden().copy(page, 0x101);
  page[0x100] = 3;
  page[511] = crun;
  return word;
}

test('char-runs: an index naming one page 10 000 times reads it once', () => {
  const entries = 10_000;
  const fcs = Array.from({ length: entries + 1 }, () => u32(0x100));
  const pages = Array.from({ length: entries }, () => u32(1));
  const table = Buffer.concat([...fcs, ...pages]);
  const runs = readMarkedRuns(onePageStream(), table, { offset: 0, length: table.length });
  assert.deepEqual(runs, [{ start: 0x100, end: 0x110, marks: HIDDEN }]);
});

test('char-runs: a damaged index or page is refused, not read past its end', () => {
  const table = Buffer.concat([u32(0x100), u32(0x110), u32(1)]);
  const refuse = (word: Buffer, t: Buffer, length: number) =>
    assert.throws(() => readMarkedRuns(word, t, { offset: 0, length }), CharacterPropertiesError);
  refuse(onePageStream(), table, 10); // not a whole number of entries
  refuse(onePageStream(), table, 24); // longer than the table
  refuse(onePageStream(0x66), table, 12); // more runs than a page can hold
  refuse(onePageStream().subarray(0, 900), table, 12); // the page runs past the stream
});

test('char-runs: byte runs become character marks through the pieces, UTF-16 or 8-bit', () => {
  const runs = [{ start: 0x104, end: 0x10a, marks: HIDDEN }];
  const pieces = [
    { startCp: 0, startFilePos: 0x100, size: 8, bpc: 2 }, // characters 0-3
    { startCp: 4, startFilePos: 0x108, size: 4, bpc: 1 }, // characters 4-7
  ];
  assert.deepEqual(
    [...(markCharacters(runs, pieces, 8) ?? [])],
    [0, 0, HIDDEN, HIDDEN, HIDDEN, HIDDEN, 0, 0],
  );
  assert.equal(markCharacters([], pieces, 8), null);
});

test('the approximate finding says what may be counted in excess and how to get an exact count', async () => {
  const m = await read(makeDoc({ body: 'Texte.\r' }));
  const approximate = fileFindings(m).find((f) => f.code === 'COUNT_APPROXIMATE');
  assert.match(approximate?.message.fr ?? '', /texte masqué au moyen d’un style/);
  assert.match(approximate?.message.en ?? '', /text hidden through a style/);
  assert.match(approximate?.fix?.fr ?? '', /Document Word \(\.docx\)/);
});
