import assert from 'node:assert/strict';
import { test } from 'node:test';
import { p, r } from '../../helpers/docx-fixtures.js';
import { readDocxParts } from '../../helpers/read-docx-fixture.js';

const noteRef = (id: number) =>
  `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`;
const footnote = (id: number, text: string) =>
  `<w:footnote w:id="${id}"><w:p><w:r><w:footnoteRef/></w:r>${r(text)}</w:p></w:footnote>`;

test('footnotes and endnotes count; separators, reference marks and note numbers do not', async () => {
  const m = await readDocxParts({
    body: `<w:p>${r('Texte')}${noteRef(1)}${r('.')}<w:r><w:endnoteReference w:id="1"/></w:r></w:p>`,
    footnotes: footnote(1, ' Une note.'),
    endnotes:
      '<w:endnote w:id="1"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t>Fin.</w:t></w:r></w:p></w:endnote>',
  });
  assert.deepEqual(m.counts.signes, { body: 6, notes: 14, textboxes: 0, total: 20 });
  assert.ok(m.paragraphs.some((x) => x.story === 'footnote' && x.text === ' Une note.'));
});

test('with doNotIncludeSubdocsInStats, notes and text boxes are left out of the total, and said so', async () => {
  const m = await readDocxParts({
    body: `<w:p>${r('Texte')}${noteRef(1)}</w:p>`,
    footnotes: footnote(1, 'Note'),
    settings: '<w:doNotIncludeSubdocsInStats/>',
  });
  assert.equal(m.counts.subdocsIncluded, false);
  assert.equal(m.counts.signes.total, 5);
  assert.equal(m.counts.signes.notes, 4);
  assert.equal(m.counts.leftOut.subdocChars, 4);
});

test('doNotIncludeSubdocsInStats w:val="0" keeps notes in', async () => {
  const m = await readDocxParts({
    body: `<w:p>${r('Texte')}${noteRef(1)}</w:p>`,
    footnotes: footnote(1, 'Note'),
    settings: '<w:doNotIncludeSubdocsInStats w:val="0"/>',
  });
  assert.equal(m.counts.subdocsIncluded, true);
  assert.equal(m.counts.signes.total, 9);
});

const textBox = (text: string) =>
  '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>' +
  `<wps:wsp><wps:txbx><w:txbxContent>${p(text)}</w:txbxContent></wps:txbx></wps:wsp>` +
  '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>' +
  `<w:txbxContent>${p(text)}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;

test('a text box is read once: mc:Choice counts, the mc:Fallback copy does not', async () => {
  const m = await readDocxParts({ body: `<w:p>${r('Avant')}${textBox('Encadré')}${r('après')}</w:p>` });
  assert.deepEqual(m.counts.signes, { body: 10, notes: 0, textboxes: 7, total: 17 });
  assert.equal(m.paragraphs.filter((x) => x.story === 'textbox').length, 1);
});

test('a VML-only text box (older Word) counts once', async () => {
  const body = `<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent>${p('Vieux')}</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>`;
  const m = await readDocxParts({ body });
  assert.equal(m.counts.signes.textboxes, 5);
});

test('field codes count 0, field results count (complex fields, nested)', async () => {
  const body =
    '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ADDIN ZOTERO_ITEM CSL_CITATION {"x":1} </w:instrText></w:r>' +
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
    '<w:r><w:t>(Meyer, </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>' +
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2017</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' +
    '<w:r><w:t>)</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>';
  const m = await readDocxParts({ body });
  assert.equal(m.counts.signes.total, 13);
  assert.equal(m.counts.leftOut.fieldCodeChars, 44);
});

test('a simple field counts its result, not its instruction', async () => {
  const m = await readDocxParts({
    body: `<w:p><w:fldSimple w:instr=" DATE ">${r('1 septembre')}</w:fldSimple></w:p>`,
  });
  assert.equal(m.counts.signes.total, 11);
  assert.equal(m.counts.leftOut.fieldCodeChars, 6);
});

test('deleted text (w:del, w:moveFrom) counts 0; insertions and moved-to text count', async () => {
  const body =
    `<w:p>${r('garde ')}<w:del w:id="1" w:author="A"><w:r><w:delText>supprimé </w:delText></w:r></w:del>` +
    `<w:ins w:id="2" w:author="A">${r('ajouté ')}</w:ins><w:moveFrom w:id="3" w:author="A">${r('parti')}</w:moveFrom>` +
    `<w:moveTo w:id="4" w:author="A">${r('venu')}</w:moveTo></w:p>`;
  const m = await readDocxParts({ body });
  assert.equal(m.counts.signes.total, 17);
  assert.equal(m.counts.leftOut.deletedChars, 14);
  assert.deepEqual(m.facts.trackedChanges, { insertions: 1, deletions: 1, moves: 1 });
});

test('hidden text counts 0: direct w:vanish, or through a character style; w:vanish w:val="0" shows', async () => {
  const styles =
    '<w:style w:type="character" w:styleId="Cache"><w:name w:val="Caché"/><w:rPr><w:vanish/></w:rPr></w:style>';
  const body =
    `<w:p>${r('vu ')}${r('masqué', '<w:vanish/>')}${r('style', '<w:rStyle w:val="Cache"/>')}` +
    `${r(' montré', '<w:rStyle w:val="Cache"/><w:vanish w:val="0"/>')}</w:p>`;
  const m = await readDocxParts({ body, styles });
  assert.equal(m.counts.signes.total, 10);
  assert.equal(m.counts.leftOut.hiddenChars, 11);
  assert.equal(m.facts.hiddenText, true);
});

test('headers, footers and comments count 0', async () => {
  const m = await readDocxParts({
    body: `<w:p><w:commentRangeStart w:id="0"/>${r('Texte')}<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>`,
    header: p('En-tête de page'),
    comments: `<w:comment w:id="0" w:author="Relecteur">${p('Un commentaire')}</w:comment>`,
  });
  assert.equal(m.counts.signes.total, 5);
  assert.equal(m.facts.comments, 1);
  assert.equal(m.facts.headersFooters, 1);
  assert.equal(m.counts.leftOut.headersFooters, true);
});

test('content controls (w:sdt) count their content, not their properties', async () => {
  const body = `<w:sdt><w:sdtPr><w:alias w:val="Titre"/><w:text/></w:sdtPr><w:sdtContent>${p('Titre')}</w:sdtContent></w:sdt>`;
  assert.equal((await readDocxParts({ body })).counts.signes.total, 5);
});

test('any namespace prefix bound to WordprocessingML is understood (ns0:p)', async () => {
  const body =
    '<ns0:p xmlns:ns0="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><ns0:r><ns0:t>abc</ns0:t></ns0:r></ns0:p>';
  assert.equal((await readDocxParts({ body })).counts.signes.total, 3);
});

test('latent styles and table styles are not read: a hidden table style hides no paragraph', async () => {
  const styles =
    '<w:latentStyles w:count="2"><w:lsdException w:name="Normal"/><w:lsdException w:name="heading 1"/></w:latentStyles>' +
    '<w:style w:type="table" w:styleId="Grille"><w:name w:val="Table Grid"/><w:rPr><w:vanish/></w:rPr>' +
    '<w:tblStylePr w:type="firstRow"><w:rPr><w:vanish/></w:rPr></w:tblStylePr></w:style>' +
    '<w:style w:type="character" w:styleId="Cache"><w:name w:val="Caché"/><w:rPr><w:vanish/></w:rPr></w:style>';
  const body =
    '<w:tbl><w:tblPr><w:tblStyle w:val="Grille"/></w:tblPr><w:tblGrid><w:gridCol w:w="100"/></w:tblGrid>' +
    `<w:tr><w:tc><w:tcPr><w:tcW w:w="100"/></w:tcPr>${p('cellule')}</w:tc></w:tr></w:tbl>` +
    `<w:p>${r('vu ')}${r('caché', '<w:rStyle w:val="Cache"/>')}</w:p>`;
  const m = await readDocxParts({ body, styles });
  assert.equal(m.counts.signes.body, 'cellule'.length + 'vu '.length);
  assert.equal(m.counts.leftOut.hiddenChars, 'caché'.length);
});
