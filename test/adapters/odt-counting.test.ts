import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readOdt } from '../../src/adapters/odt/read-odt.js';
import { Deadline } from '../../src/adapters/shared/deadline.js';
import { ZipArchive } from '../../src/adapters/zip/zip-archive.js';
import { DEFAULT_LIMITS } from '../../src/domain/manuscript/limits.js';
import type { Manuscript } from '../../src/domain/manuscript/model.js';
import { makeOdt, odtContent, odtStyles, type ZipFixtureEntry } from '../helpers/zip-fixtures.js';

/** Reads a one-off .odt whose office:text holds `body`. */
async function read(
  body: string,
  options: { auto?: string; extra?: ZipFixtureEntry[] } = {},
): Promise<Manuscript> {
  const bytes = await makeOdt(odtContent(body, options.auto ?? ''), options.extra ?? []);
  const deadline = new Deadline(10_000);
  const archive = await ZipArchive.open(bytes, DEFAULT_LIMITS, deadline);
  try {
    return await readOdt(archive, { limits: DEFAULT_LIMITS, deadline });
  } finally {
    archive.close();
  }
}

function bodyTexts(m: Manuscript): string[] {
  return m.paragraphs.filter((p) => p.story === 'body').map((p) => p.text);
}

test('plain paragraphs: every character counts, paragraph marks do not', async () => {
  const m = await read('<text:p>Bonjour le monde</text:p><text:p>Deuxième ligne.</text:p><text:p/>');
  assert.equal(m.format, 'odt');
  assert.equal(m.counts.signes.total, 16 + 15);
  assert.equal(m.counts.signesWithoutSpaces, 14 + 14);
  assert.equal(m.counts.words, 5);
  assert.equal(m.counts.paragraphs, 2);
  assert.equal(m.counts.rawStoryLength, null);
  assert.equal(m.counts.subdocsIncluded, true);
  assert.equal(m.counts.approximate, false);
  assert.deepEqual(bodyTexts(m), ['Bonjour le monde', 'Deuxième ligne.', '']);
});

test('text:s counts text:c spaces (one by default)', async () => {
  const m = await read('<text:p>a<text:s text:c="3"/>b <text:s/>c</text:p>');
  assert.deepEqual(bodyTexts(m), ['a   b  c']);
  assert.equal(m.counts.signes.total, 8);
  assert.equal(m.counts.words, 3);
});

test('XML white space collapses as LibreOffice reads it', async () => {
  const m = await read('<text:p>\n    Un   deux\t\ttrois\n<text:span> quatre</text:span></text:p>');
  assert.deepEqual(bodyTexts(m), ['Un deux trois quatre']);
  assert.equal(m.counts.signes.total, 20);
});

test('a tab and a line break count one each; a soft page break and bookmarks count nothing', async () => {
  const m = await read(
    '<text:p>a<text:tab/>b<text:line-break/>c<text:soft-page-break/><text:bookmark text:name="x"/>d</text:p>',
  );
  assert.deepEqual(bodyTexts(m), ['a\tb\ncd']);
  assert.equal(m.counts.signes.total, 6);
  assert.equal(m.counts.signesWithoutSpaces, 4);
  assert.equal(m.counts.words, 3);
});

test('footnotes and endnotes count in their stories; the citation mark does not', async () => {
  const note = (cls: string, text: string) =>
    `<text:note text:id="n" text:note-class="${cls}"><text:note-citation>1</text:note-citation>` +
    `<text:note-body><text:p>${text}</text:p></text:note-body></text:note>`;
  const m = await read(
    `<text:p>Texte${note('footnote', 'Une note.')} suite${note('endnote', 'Fin.')}.</text:p>`,
  );
  assert.deepEqual(bodyTexts(m), ['Texte suite.']);
  assert.equal(m.counts.signes.body, 12);
  assert.equal(m.counts.signes.notes, 9 + 4);
  assert.equal(m.counts.signes.total, 25);
  const stories = m.paragraphs.map((p) => `${p.story}:${p.text}`);
  assert.ok(stories.includes('footnote:Une note.'));
  assert.ok(stories.includes('endnote:Fin.'));
});

test('comments are left out and counted', async () => {
  const m = await read(
    '<text:p>Avant<office:annotation office:name="c1"><dc:creator>Relectrice</dc:creator>' +
      '<dc:date>2024-01-01T00:00:00</dc:date><text:p>À revoir</text:p></office:annotation>' +
      ' après<office:annotation-end office:name="c1"/></text:p>',
  );
  assert.deepEqual(bodyTexts(m), ['Avant après']);
  assert.equal(m.counts.signes.total, 11);
  assert.equal(m.facts.comments, 1);
  assert.equal(m.paragraphs.length, 1);
});

test('tracked changes: deleted text is left out, inserted text counts', async () => {
  const changes =
    '<text:tracked-changes>' +
    '<text:changed-region text:id="ct1"><text:deletion><office:change-info><dc:creator>A</dc:creator>' +
    '<dc:date>2024-01-01T00:00:00</dc:date></office:change-info><text:p>supprimé</text:p></text:deletion></text:changed-region>' +
    '<text:changed-region text:id="ct2"><text:insertion><office:change-info><dc:creator>A</dc:creator>' +
    '<dc:date>2024-01-01T00:00:00</dc:date></office:change-info></text:insertion></text:changed-region>' +
    '</text:tracked-changes>';
  const m = await read(
    `${changes}<text:p>Un <text:change text:change-id="ct1"/>texte <text:change-start text:change-id="ct2"/>ajouté<text:change-end text:change-id="ct2"/></text:p>`,
  );
  assert.deepEqual(bodyTexts(m), ['Un texte ajouté']);
  assert.equal(m.counts.leftOut.deletedChars, 8);
  assert.deepEqual(m.facts.trackedChanges, { insertions: 1, deletions: 1, moves: 0 });
});

test('hidden text, hidden paragraphs, hidden styles and hidden sections are left out', async () => {
  const auto =
    '<style:style style:name="T1" style:family="text"><style:text-properties text:display="none"/></style:style>';
  const m = await read(
    '<text:p>Visible<text:hidden-text text:condition="ooow:1" text:string-value="secret" text:is-hidden="true">secret</text:hidden-text></text:p>' +
      '<text:p><text:hidden-paragraph text:condition="ooow:1" text:is-hidden="true"/>Paragraphe caché</text:p>' +
      '<text:p>Texte <text:span text:style-name="T1">masqué</text:span>fin</text:p>' +
      '<text:section text:name="S" text:display="none"><text:p>Section</text:p></text:section>' +
      '<text:p><text:hidden-text text:condition="ooow:0" text:string-value="vu" text:is-hidden="false">vu</text:hidden-text></text:p>',
    { auto },
  );
  assert.equal(m.counts.signes.total, 7 + 9 + 2);
  assert.equal(m.counts.leftOut.hiddenChars, 6 + 16 + 6 + 7);
  assert.equal(m.facts.hiddenText, true);
});

test('conditional text counts what is shown; the other branch is hidden', async () => {
  const m = await read(
    '<text:p><text:conditional-text text:condition="ooow:1" text:string-value-if-true="oui" ' +
      'text:string-value-if-false="non merci" text:current-value="true">oui</text:conditional-text></text:p>',
  );
  assert.equal(m.counts.signes.total, 3);
  assert.equal(m.counts.leftOut.hiddenChars, 9);
});

test('text boxes count once in their own story; alt text and pictures count nothing', async () => {
  const m = await read(
    '<text:p>Corps<draw:frame draw:name="Cadre1" text:anchor-type="as-char"><svg:title>Titre alt</svg:title>' +
      '<svg:desc>Description alt</svg:desc><draw:text-box><text:p>Encadré</text:p></draw:text-box></draw:frame></text:p>' +
      '<text:p><draw:frame draw:name="Image1"><draw:image xlink:href="Pictures/a.svg"/>' +
      '<draw:image xlink:href="Pictures/a.png"/><svg:title>Photo</svg:title></draw:frame>Légende</text:p>' +
      '<text:p><draw:custom-shape draw:name="Forme"><text:p>Forme</text:p></draw:custom-shape></text:p>',
  );
  assert.deepEqual(bodyTexts(m), ['Corps', 'Légende', '']);
  assert.equal(m.counts.signes.textboxes, 7 + 5);
  assert.equal(m.counts.signes.total, 5 + 7 + 7 + 5);
  assert.equal(m.facts.images, 1);
  const boxes = m.paragraphs.filter((p) => p.story === 'textbox').map((p) => p.text);
  assert.deepEqual(boxes, ['Encadré', 'Forme']);
});

test('headings carry their level and the style name a person sees', async () => {
  const styles = odtStyles(
    '<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:default-outline-level="2"/>' +
      '<style:style style:name="Titre_20_perso" style:family="paragraph" style:parent-style-name="Heading_20_2"/>',
  );
  const auto =
    '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Heading_20_2"/>';
  const m = await read(
    '<text:h text:style-name="P1" text:outline-level="2">Méthode</text:h>' +
      '<text:h text:style-name="Titre_20_perso">Sans niveau écrit</text:h>' +
      '<text:h>Titre nu</text:h><text:p>Corps</text:p>',
    { auto, extra: [{ name: 'styles.xml', data: styles }] },
  );
  const [first, second, third, body] = m.paragraphs;
  assert.equal(first?.style, 'Heading 2');
  assert.equal(first?.headingLevel, 2);
  assert.equal(second?.style, 'Titre perso');
  assert.equal(second?.headingLevel, 2);
  assert.equal(third?.headingLevel, 1);
  assert.equal(body?.headingLevel, undefined);
  assert.equal(m.counts.signes.total, 7 + 17 + 8 + 5);
});

test('tables count like paragraphs; list labels count nothing', async () => {
  const m = await read(
    '<table:table table:name="T"><table:table-row><table:table-cell><text:p>Case A</text:p></table:table-cell>' +
      '<table:table-cell><text:p>Case B</text:p></table:table-cell></table:table-row></table:table>' +
      '<text:list><text:list-item><text:number>1.</text:number><text:p>Premier</text:p></text:list-item></text:list>',
  );
  assert.deepEqual(bodyTexts(m), ['Case A', 'Case B', 'Premier']);
  assert.equal(m.counts.signes.total, 6 + 6 + 7);
  assert.equal(m.counts.paragraphs, 3);
});

test('index templates are not text; the index body is', async () => {
  const m = await read(
    '<text:table-of-content text:name="Table"><text:table-of-content-source><text:index-title-template>Sommaire</text:index-title-template>' +
      '</text:table-of-content-source><text:index-body><text:p>Introduction<text:tab/>3</text:p></text:index-body></text:table-of-content>',
  );
  assert.deepEqual(bodyTexts(m), ['Introduction\t3']);
});

test('links are counted when they leave the document; their text counts', async () => {
  const m = await read(
    '<text:p><text:a xlink:type="simple" xlink:href="https://www.example.org/">le site</text:a> et ' +
      '<text:a xlink:href="#Signet">plus haut</text:a> ou <text:a xlink:href="mailto:a@example.org">écrire</text:a></text:p>',
  );
  assert.equal(m.facts.externalRelationships, 1);
  assert.deepEqual(bodyTexts(m), ['le site et plus haut ou écrire']);
});

test('elements are matched by namespace, whatever prefix the file binds', async () => {
  const xml =
    '<o:document-content xmlns:o="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
    'xmlns:t="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><o:body><o:text>' +
    '<t:p>Préfixe<t:s t:c="2"/>libre</t:p></o:text></o:body></o:document-content>';
  const bytes = await makeOdt(xml);
  const deadline = new Deadline(10_000);
  const archive = await ZipArchive.open(bytes, DEFAULT_LIMITS, deadline);
  const m = await readOdt(archive, { limits: DEFAULT_LIMITS, deadline });
  archive.close();
  assert.deepEqual(bodyTexts(m), ['Préfixe  libre']);
});

test('decomposed accents are counted after NFC', async () => {
  const m = await read('<text:p>E\u0301cole</text:p>');
  assert.equal(m.counts.signes.total, 5);
});

/*
 * Text fields: in ODF a field element's content is the text it displays (LibreOffice writes the
 * field's presentation there), so it counts like any text; the attributes (formula, value, name)
 * never do. One test per field kind, each with a formula or value that differs from what shows.
 */
const SHOWN_FIELDS: [string, string][] = [
  [
    'text:variable-set',
    '<text:variable-set text:name="n" text:formula="ooow:40+2" office:value-type="float" office:value="42">42</text:variable-set>',
  ],
  ['text:variable-get', '<text:variable-get text:name="n" office:value-type="float">42</text:variable-get>'],
  [
    'text:variable-input',
    '<text:variable-input text:name="n" text:description="Âge ?" office:value-type="float" office:value="42">42</text:variable-input>',
  ],
  ['text:user-field-get', '<text:user-field-get text:name="auteur">Camille</text:user-field-get>'],
  [
    'text:expression',
    '<text:expression text:formula="ooow:6*7" office:value-type="float" office:value="42">42</text:expression>',
  ],
  [
    'text:sequence',
    '<text:sequence text:name="Tableau" text:formula="ooow:Tableau+1" style:num-format="1">3</text:sequence>',
  ],
  ['text:page-number', '<text:page-number text:select-page="current">12</text:page-number>'],
  [
    'text:reference-ref',
    '<text:reference-ref text:reference-format="text" text:ref-name="r1">ci-dessus</text:reference-ref>',
  ],
];

for (const [name, field] of SHOWN_FIELDS) {
  test(`${name}: the value it displays counts, its name and formula do not`, async () => {
    const m = await read(`<text:p>Voir ${field} fin</text:p>`);
    const shown = field.replace(/<[^>]+>/g, '');
    assert.deepEqual(bodyTexts(m), [`Voir ${shown} fin`]);
    assert.equal(m.counts.signes.total, 9 + shown.length);
    assert.equal(m.counts.leftOut.hiddenChars, 0);
  });
}

const HIDDEN_FIELDS: [string, string][] = [
  [
    'text:variable-set',
    '<text:variable-set text:name="n" text:display="none" office:value-type="string" office:string-value="secret">secret</text:variable-set>',
  ],
  [
    'text:variable-input',
    '<text:variable-input text:name="n" text:description="?" text:display="none" office:value-type="string">secret</text:variable-input>',
  ],
  [
    'text:user-field-get',
    '<text:user-field-get text:name="u" text:display="none">secret</text:user-field-get>',
  ],
  [
    'text:database-display',
    '<text:database-display text:table-name="t" text:column-name="c" text:display="none">secret</text:database-display>',
  ],
];

for (const [name, field] of HIDDEN_FIELDS) {
  test(`${name} with text:display="none" is hidden: its content is left out`, async () => {
    const m = await read(`<text:p>Avant${field} après</text:p>`);
    assert.deepEqual(bodyTexts(m), ['Avant après']);
    assert.equal(m.counts.signes.total, 11);
    assert.equal(m.counts.leftOut.hiddenChars, 6);
    assert.equal(m.facts.hiddenText, true);
  });
}

test('text:display="formula" shows what the element holds, so it counts', async () => {
  const m = await read(
    '<text:p><text:user-field-get text:name="u" text:display="formula">u = 1+1</text:user-field-get></text:p>',
  );
  assert.equal(m.counts.signes.total, 7);
});

test('a script field shows nothing: its source is not counted', async () => {
  const m = await read(
    '<text:p>Texte<text:script xmlns:script="urn:oasis:names:tc:opendocument:xmlns:script:1.0" script:language="JavaScript">alert("bonjour");</text:script> suite</text:p>',
  );
  assert.deepEqual(bodyTexts(m), ['Texte suite']);
  assert.equal(m.counts.signes.total, 11);
  assert.equal(m.counts.leftOut.hiddenChars, 0);
});

test('declarations of variables, sequences and user fields are not text', async () => {
  const m = await read(
    '<text:variable-decls><text:variable-decl office:value-type="float" text:name="n"/></text:variable-decls>' +
      '<text:sequence-decls><text:sequence-decl text:display-outline-level="0" text:name="Tableau"/></text:sequence-decls>' +
      '<text:user-field-decls><text:user-field-decl office:value-type="string" office:string-value="Camille" text:name="auteur"/></text:user-field-decls>' +
      '<text:p>Corps</text:p>',
  );
  assert.equal(m.counts.signes.total, 5);
});
