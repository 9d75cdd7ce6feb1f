import assert from 'node:assert/strict';
import { test } from 'node:test';
import { p, r } from '../../helpers/docx-fixtures.js';
import { readDocxParts, signesOf } from '../../helpers/read-docx-fixture.js';

// One test per counting rule of DESIGN.md "Counting signes": what Word's statistics dialog shows.

test('every character of w:t counts, spaces included', async () => {
  assert.equal(await signesOf(p('Le travail social', ' et le numérique')), 33);
});

test('no-break spaces (U+00A0, U+202F) count like spaces', async () => {
  assert.equal(await signesOf(p('«\u202Fnumérique\u202F» :\u00A0oui')), 19);
});

test('text is counted after NFC: a decomposed é is one character', async () => {
  assert.equal(await signesOf(p('e\u0301te\u0301')), 3);
});

test('a character outside the BMP (surrogate pair) is one character', async () => {
  assert.equal(await signesOf(p('ok 😀')), 4);
});

test('entities and character references are decoded before counting', async () => {
  assert.equal(await signesOf(p('a &amp; b &lt; c &#233;&#x2019;')), 12);
});

test('paragraph marks, empty paragraphs, cell and row marks count 0', async () => {
  const table =
    '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="100"/><w:gridCol w:w="100"/></w:tblGrid>' +
    `<w:tr><w:tc><w:tcPr><w:tcW w:w="100"/></w:tcPr>${p('ab')}</w:tc><w:tc>${p('cd')}</w:tc></w:tr></w:tbl>`;
  assert.equal(await signesOf(`${p('un')}<w:p/>${table}${p('deux')}`), 10);
});

test('automatic list numbers count 0', async () => {
  const item = `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>${r('item')}</w:p>`;
  assert.equal(await signesOf(item + item), 8);
});

test('a tab in a run counts 1; tab stops in paragraph properties count 0', async () => {
  const body =
    '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t></w:r></w:p>';
  assert.equal(await signesOf(body), 3);
});

test('line breaks and carriage returns count 1; page and column breaks count 0', async () => {
  const body =
    '<w:p><w:r><w:t>a</w:t><w:br/><w:t>b</w:t><w:br w:type="textWrapping"/><w:t>c</w:t><w:cr/>' +
    '<w:br w:type="page"/><w:br w:type="column"/><w:t>d</w:t></w:r></w:p>';
  assert.equal(await signesOf(body), 7);
});

test('w:sym and w:noBreakHyphen count 1; w:softHyphen counts 0', async () => {
  const body =
    '<w:p><w:r><w:t>a</w:t><w:sym w:font="Symbol" w:char="F0E0"/><w:noBreakHyphen/><w:softHyphen/><w:t>b</w:t></w:r></w:p>';
  assert.equal(await signesOf(body), 4);
});

test('equation text (m:t) counts', async () => {
  const body = '<w:p><m:oMath><m:r><m:t>x+1</m:t></m:r></m:oMath></w:p>';
  assert.equal(await signesOf(body), 3);
});

test('pictures count 0', async () => {
  const body = `<w:p>${r('a')}<w:r><w:drawing><wp:inline><a:graphic><a:graphicData/></a:graphic></wp:inline></w:drawing></w:r>${r('b')}</w:p>`;
  assert.equal(await signesOf(body), 2);
});

test('words are counted across runs, separated by spaces, tabs and breaks', async () => {
  const m = await readDocxParts({
    body: `<w:p>${r('Tra')}${r('vail social')}<w:r><w:tab/></w:r>${r('et')}<w:r><w:br/></w:r>${r('numérique')}</w:p>${p('deux mots')}`,
  });
  assert.equal(m.counts.words, 6);
  assert.equal(m.counts.paragraphs, 2);
});

test('characters without spaces leave out spaces and tabs', async () => {
  const m = await readDocxParts({
    body: '<w:p><w:r><w:t xml:space="preserve">a b\u00A0c</w:t><w:tab/></w:r></w:p>',
  });
  assert.equal(m.counts.signes.total, 6);
  assert.equal(m.counts.signesWithoutSpaces, 3);
});
