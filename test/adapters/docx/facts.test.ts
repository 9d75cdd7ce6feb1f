import assert from 'node:assert/strict';
import { test } from 'node:test';
import { p, r } from '../../helpers/docx-fixtures.js';
import { readDocxParts } from '../../helpers/read-docx-fixture.js';

test('stored statistics and producer come from docProps/app.xml, core properties from core.xml', async () => {
  const m = await readDocxParts({
    body: p('Texte'),
    app: '<Application>Microsoft Office Word</Application><AppVersion>16.0000</AppVersion><Words>1</Words><Characters>5</Characters><CharactersWithSpaces>5</CharactersWithSpaces><Pages>1</Pages>',
    core: '<dc:title>Impacts du numérique</dc:title><dc:creator>Camille Martin</dc:creator><cp:lastModifiedBy>C. M.</cp:lastModifiedBy>',
  });
  assert.deepEqual(m.facts.stored, {
    charactersWithSpaces: 5,
    characters: 5,
    words: 1,
    paragraphs: null,
    pages: 1,
    application: 'Microsoft Office Word',
    appVersion: '16.0000',
  });
  assert.deepEqual(m.facts.core, {
    creator: 'Camille Martin',
    lastModifiedBy: 'C. M.',
    title: 'Impacts du numérique',
  });
});

test('no app.xml: stored statistics are null', async () => {
  assert.equal((await readDocxParts({ body: p('x') })).facts.stored, null);
});

test('paragraph styles give names and heading levels (style outline level, name, or direct outline level)', async () => {
  const styles =
    '<w:style w:type="paragraph" w:styleId="Titre1"><w:name w:val="heading 1"/></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Inter"><w:name w:val="Intertitre"/><w:basedOn w:val="Base"/></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Base"><w:name w:val="Base"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>';
  const body =
    `<w:p><w:pPr><w:pStyle w:val="Titre1"/></w:pPr>${r('Un')}</w:p>` +
    `<w:p><w:pPr><w:pStyle w:val="Inter"/></w:pPr>${r('Deux')}</w:p>` +
    `<w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr>${r('Trois')}</w:p>${p('Corps')}`;
  const m = await readDocxParts({ body, styles });
  assert.deepEqual(
    m.paragraphs.map((x) => [x.text, x.style, x.headingLevel]),
    [
      ['Un', 'heading 1', 1],
      ['Deux', 'Intertitre', 2],
      ['Trois', undefined, 3],
      ['Corps', undefined, undefined],
    ],
  );
});

test('languages are listed, most used first', async () => {
  const body = `<w:p>${r('a', '<w:lang w:val="en-GB"/>')}${r('b', '<w:lang w:val="fr-FR"/>')}${r('c', '<w:lang w:val="fr-FR"/>')}</w:p>`;
  assert.deepEqual((await readDocxParts({ body })).facts.languages, ['fr-FR', 'en-GB']);
});

test('macros, external relationships, images and embedded objects are noticed', async () => {
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const m = await readDocxParts(
    {
      body: p('x'),
      extraRels:
        `<Relationship Id="rL" Type="${rel}/hyperlink" Target="https://example.org/" TargetMode="External"/>` +
        `<Relationship Id="rT" Type="${rel}/attachedTemplate" Target="file:///C:/modele.dotm" TargetMode="External"/>` +
        `<Relationship Id="rI" Type="${rel}/image" Target="media/image1.png"/>` +
        `<Relationship Id="rO" Type="${rel}/oleObject" Target="embeddings/oleObject1.bin"/>`,
      extraEntries: [{ name: 'word/vbaProject.bin', data: Buffer.from([1, 2, 3]) }],
      mainContentType: 'application/vnd.ms-word.document.macroEnabled.main+xml',
    },
    'docm',
  );
  assert.equal(m.facts.macros, true);
  assert.equal(m.facts.flavour, 'macro-enabled');
  assert.equal(m.facts.externalRelationships, 2);
  assert.equal(m.facts.images, 1);
  assert.equal(m.facts.embeddedObjects, 1);
});

test('the main part is found through the package relationships, wherever it lives', async () => {
  const m = await readDocxParts({ body: p('ailleurs'), mainPath: 'contenu/principal.xml', footnotes: '' });
  assert.equal(m.counts.signes.total, 8);
});
