import assert from 'node:assert/strict';
import { test } from 'node:test';
import { p, r } from '../../helpers/docx-fixtures.js';
import { readDocxParts } from '../../helpers/read-docx-fixture.js';

// Word's raw story length (shared/corpus/README.md): Word stores it minus one as
// CharactersWithSpaces. Each test composes the figure element by element.

async function raw(body: string, extra = {}): Promise<number | null> {
  return (await readDocxParts({ body, ...extra })).counts.rawStoryLength;
}

test('text plus one per paragraph mark', async () => {
  assert.equal(await raw(`${p('abc')}${p('de')}<w:p/>`), 3 + 2 + 3);
});

test('one per run-level tab, br (any type), cr, sym, noBreakHyphen and softHyphen', async () => {
  const body =
    '<w:p><w:r><w:tab/><w:br/><w:br w:type="page"/><w:cr/><w:sym w:char="F0E0"/><w:noBreakHyphen/><w:softHyphen/></w:r></w:p>';
  assert.equal(await raw(body), 7 + 1);
});

test('field characters and instruction text count; deleted text counts', async () => {
  const body =
    '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>' +
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' +
    '<w:del w:id="1" w:author="A"><w:r><w:delText>xy</w:delText></w:r></w:del></w:p>';
  assert.equal(await raw(body), 3 + 4 + 1 + 2 + 1);
});

test('a simple field is 1 + instruction + 1 + result + 1', async () => {
  assert.equal(
    await raw(`<w:p><w:fldSimple w:instr="DATE">${r('lundi')}</w:fldSimple></w:p>`),
    1 + 4 + 1 + 5 + 1 + 1,
  );
});

test('note and comment references count one each; the notes themselves are not in the main story', async () => {
  const body = `<w:p>${r('a')}<w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:commentReference w:id="0"/></w:r></w:p>`;
  const footnotes = `<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>${r('longue note')}</w:p></w:footnote>`;
  assert.equal(await raw(body, { footnotes }), 1 + 1 + 1 + 1);
});

test('a drawing counts one and is not entered (its text box neither)', async () => {
  const body = `<w:p>${r('a')}<w:r><w:drawing><wps:txbx><w:txbxContent>${p('dedans')}</w:txbxContent></wps:txbx></w:drawing></w:r></w:p>`;
  assert.equal(await raw(body), 1 + 1 + 1);
});

test('mc:Fallback and property elements are not entered', async () => {
  const body =
    '<w:p><w:pPr><w:rPr><w:t>x</w:t></w:rPr></w:pPr><w:r><mc:AlternateContent><mc:Choice Requires="w14"><w:t>ab</w:t></mc:Choice>' +
    '<mc:Fallback><w:t>abc</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>';
  assert.equal(await raw(body), 2 + 1);
});

test('one per table-row end; a cell adds nothing beyond its last paragraph mark', async () => {
  const cell = (t: string) => `<w:tc><w:tcPr/>${p(t)}</w:tc>`;
  const body = `<w:tbl><w:tblPr/><w:tblGrid/><w:tr>${cell('a')}${cell('b')}</w:tr><w:tr>${cell('c')}${cell('d')}</w:tr></w:tbl>${p('')}`;
  assert.equal(await raw(body), 4 * 2 + 2 + 1);
});
