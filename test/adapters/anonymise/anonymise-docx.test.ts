import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { anonymiseDocx } from '../../../src/adapters/anonymise/anonymise-docx.js';
import { analyseManuscript } from '../../../src/adapters/manuscript/analyse-manuscript.js';
import { Deadline } from '../../../src/adapters/shared/deadline.js';
import { ZipArchive } from '../../../src/adapters/zip/zip-archive.js';
import { DEFAULT_LIMITS } from '../../../src/domain/manuscript/limits.js';
import { docxEntries, p, r } from '../../helpers/docx-fixtures.js';
import { makeZip } from '../../helpers/zip-fixtures.js';

/**
 * The anonymised copy a blind review needs, made from a .docx that hides its author in every way
 * Word does: the name cut across runs, in a note, a header, a comment, a tracked change, a
 * mailto: link, the properties, the template's path and the first page's preview picture.
 */

const ELOISE = { givenName: 'Éloïse', surname: 'Dupré', email: 'eloise.dupre@exemple.fr' };
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const THUMB = Buffer.from('ffd8ffe000104a464946', 'hex');
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

async function telltaleDocx(): Promise<Buffer> {
  const entries = docxEntries({
    body:
      `<w:p>${r('Par Élo')}${r('ïse Du', '<w:b/>')}${r('pré, formatrice.')}</w:p>` +
      p('Comme le montre Dupré (2019), le numérique change le travail social.') +
      `<w:p><w:ins w:id="1" w:author="edupre" w:date="2022-08-01T10:00:00Z">${r('Ajout récent.')}</w:ins>` +
      `<w:del w:id="2" w:author="Éloïse Dupré" w:date="2022-08-01T10:00:00Z"><w:r><w:delText>Dupré dit</w:delText></w:r></w:del></w:p>` +
      `<w:p><w:hyperlink r:id="rIdMail">${r('Écrire à l’autrice')}</w:hyperlink>${r(' & à eloise.dupre@exemple.fr')}</w:p>` +
      `<w:p>${r('Fin du texte.')}<w:r><w:footnoteReference w:id="1"/></w:r></w:p>`,
    footnotes: `<w:footnote w:id="1">${p('Voir aussi É. Dupré, 2020.')}</w:footnote>`,
    header: p('Éloïse DUPRÉ — article'),
    comments: `<w:comment w:id="0" w:author="Éloïse Dupré" w:initials="ÉD">${p('À revoir, Éloïse')}</w:comment>`,
    core:
      '<dc:title>Le numérique, par Éloïse Dupré</dc:title><dc:creator>Éloïse Dupré</dc:creator>' +
      '<cp:lastModifiedBy>edupre</cp:lastModifiedBy>',
    app: '<Application>Microsoft Office Word</Application><Company>IRTS de Montrouge</Company><Manager>M. Martin</Manager>',
    settings: '<w:attachedTemplate r:id="rIdTpl"/>',
    extraRels: `<Relationship Id="rIdMail" Type="${REL}/hyperlink" Target="mailto:eloise.dupre@exemple.fr" TargetMode="External"/>`,
    extraEntries: [
      { name: 'word/media/image1.png', data: PNG },
      { name: 'docProps/thumbnail.jpeg', data: THUMB },
      {
        name: 'word/_rels/settings.xml.rels',
        data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rIdTpl" Type="${REL}/attachedTemplate" Target="file:///C:\\Users\\edupre\\AppData\\Roaming\\Microsoft\\Templates\\Normal.dotm" TargetMode="External"/></Relationships>`,
      },
    ],
  });
  // The preview picture is named in the package's relationships, as Word does.
  const packageRels = entries.find((e) => e.name === '_rels/.rels');
  assert.ok(packageRels);
  packageRels.data = String(packageRels.data).replace(
    '</Relationships>',
    `<Relationship Id="rId9" Type="${PKG}/metadata/thumbnail" Target="docProps/thumbnail.jpeg"/></Relationships>`,
  );
  return makeZip(entries);
}

async function entriesOf(bytes: Buffer): Promise<Map<string, Buffer>> {
  const archive = await ZipArchive.open(bytes, DEFAULT_LIMITS, new Deadline(10_000));
  const out = new Map<string, Buffer>();
  try {
    for (const name of archive.names()) {
      const chunks: Buffer[] = [];
      for await (const chunk of archive.stream(name)) chunks.push(chunk);
      out.set(name, Buffer.concat(chunks));
    }
  } finally {
    archive.close();
  }
  return out;
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

describe('the anonymised copy of a .docx', () => {
  it('leaves the name nowhere: text, notes, header, comments, changes, links, properties, template', async () => {
    const original = await telltaleDocx();
    const { bytes, report } = await anonymiseDocx(original, [ELOISE]);
    const parts = await entriesOf(bytes);
    for (const [name, data] of parts) {
      const text = fold(data.toString('utf8'));
      assert.ok(!text.includes('dupre'), `${name} still names the author`);
      assert.ok(!text.includes('edupre'), `${name} still holds the login`);
      assert.ok(!text.includes('montrouge'), `${name} still names the employer`);
    }
    const document = parts.get('word/document.xml')?.toString('utf8') ?? '';
    assert.match(
      document,
      /<w:t xml:space="preserve">Par \[Auteur\]<\/w:t>/,
      'the placeholder where the name began',
    );
    assert.match(document, /<w:b\/><\/w:rPr><w:t xml:space="preserve"><\/w:t>/, 'the bold run kept, emptied');
    assert.match(document, /w:author="Auteur"/);
    assert.match(document, /&amp; à \[Auteur\]/, 'the text escaped again');
    const comments = parts.get('word/comments.xml')?.toString('utf8') ?? '';
    assert.match(comments, /w:author="Auteur" w:initials="A"/);
    const core = parts.get('docProps/core.xml')?.toString('utf8') ?? '';
    assert.match(core, /<dc:creator><\/dc:creator>/);
    assert.match(core, /<cp:lastModifiedBy><\/cp:lastModifiedBy>/);
    assert.match(core, /<dc:title>Le numérique, par \[Auteur\]<\/dc:title>/);
    assert.match(parts.get('word/_rels/settings.xml.rels')?.toString('utf8') ?? '', /Target="Normal\.dotm"/);
    assert.match(
      parts.get('word/_rels/document.xml.rels')?.toString('utf8') ?? '',
      /Target="mailto:auteur-anonyme"/,
    );

    assert.equal(parts.has('docProps/thumbnail.jpeg'), false, 'the preview picture is dropped');
    assert.doesNotMatch(parts.get('_rels/.rels')?.toString('utf8') ?? '', /thumbnail/);
    assert.deepEqual(parts.get('word/media/image1.png'), PNG, 'pictures copied byte for byte');
    assert.deepEqual(report.droppedParts, ['docProps/thumbnail.jpeg']);
    assert.ok(report.replaced >= 12, `replaced ${report.replaced}`);
    assert.ok(report.partsChanged.includes('word/footnotes.xml'));
  });

  it('opens as a manuscript again, with the same text apart from the names', async () => {
    const original = await telltaleDocx();
    const { bytes } = await anonymiseDocx(original, [ELOISE]);
    const before = await analyseManuscript({ bytes: original, name: 'avant.docx' });
    const after = await analyseManuscript({ bytes, name: 'apres.docx' });
    assert.equal(after.error, null);
    assert.equal(after.kind, 'docx');
    const text = (a: typeof after) => (a.manuscript?.paragraphs ?? []).map((x) => x.text).join('\n');
    assert.match(text(after), /Par \[Auteur\], formatrice\./);
    assert.match(text(after), /Comme le montre \[Auteur\] \(2019\)/);
    const withoutNames = text(before).replace(
      /Éloïse Dupré|É\. Dupré|eloise\.dupre@exemple\.fr|Dupré/g,
      '[Auteur]',
    );
    assert.equal(text(after), withoutNames, 'only the names changed');
    assert.equal(after.manuscript?.facts.core.creator ?? null, null, 'no creator any more');
  });

  it('gives the same bytes twice, and refuses a part with a DOCTYPE or no name to look for', async () => {
    const original = await telltaleDocx();
    const a = await anonymiseDocx(original, [ELOISE]);
    const b = await anonymiseDocx(original, [ELOISE]);
    assert.deepEqual(a.bytes, b.bytes);
    await assert.rejects(
      anonymiseDocx(original, []),
      (e: { code?: string }) => e.code === 'ANONYMISE_NO_NAMES',
    );
    const hostile = await makeZip(
      docxEntries({ body: p('x') }).map((e) =>
        e.name === 'word/document.xml'
          ? { ...e, data: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><w:document/>' }
          : e,
      ),
    );
    await assert.rejects(
      anonymiseDocx(hostile, [ELOISE]),
      (e: { code?: string }) => e.code === 'XML_DOCTYPE',
    );
  });

  it('for a reader’s annotated file: their comments and changes signed « Relecture », their name « [Relecture] »', async () => {
    const rita = { givenName: 'Rita', surname: 'Relectrice', email: 'rita@exemple.fr' };
    const annotated = await makeZip(
      docxEntries({
        body:
          p('Le texte de [Auteur], déjà anonyme.') +
          `<w:p><w:ins w:id="1" w:author="rrelectrice" w:date="2022-09-01T10:00:00Z">${r('Ajout.')}</w:ins></w:p>`,
        comments: `<w:comment w:id="0" w:author="Rita Relectrice" w:initials="RR">${p('Très clair. R. Relectrice')}</w:comment>`,
        core: '<dc:creator>Auteur</dc:creator><cp:lastModifiedBy>Rita Relectrice</cp:lastModifiedBy>',
      }),
    );
    const { bytes } = await anonymiseDocx(annotated, [rita], 'reader');
    const parts = await entriesOf(bytes);
    const comments = String(parts.get('word/comments.xml'));
    assert.match(comments, /w:author="Relecture" w:initials="R"/);
    assert.match(comments, /Très clair\. \[Relecture\]/);
    assert.match(String(parts.get('word/document.xml')), /<w:ins w:id="1" w:author="Relecture"/);
    assert.match(String(parts.get('word/document.xml')), /Le texte de \[Auteur\], déjà anonyme\./);
    for (const [name, data] of parts) {
      assert.ok(!fold(String(data)).includes('relectrice'), `${name} still names the reader`);
    }
  });
});
