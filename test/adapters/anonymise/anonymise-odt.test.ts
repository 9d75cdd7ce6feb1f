import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { anonymiseOdt } from '../../../src/adapters/anonymise/anonymise-odt.js';
import { analyseManuscript } from '../../../src/adapters/manuscript/analyse-manuscript.js';
import { Deadline } from '../../../src/adapters/shared/deadline.js';
import { ZipArchive } from '../../../src/adapters/zip/zip-archive.js';
import { DEFAULT_LIMITS } from '../../../src/domain/manuscript/limits.js';
import { makeOdt, odtContent, odtMeta, odtStyles } from '../../helpers/zip-fixtures.js';

/** The anonymised copy of an .odt (LibreOffice), hiding its author the ways LibreOffice does. */

const ELOISE = { givenName: 'Éloïse', surname: 'Dupré', email: 'eloise.dupre@exemple.fr' };
const PNG = Buffer.from('89504e470d0a1a0a', 'hex');

async function telltaleOdt(): Promise<Buffer> {
  const body =
    '<text:tracked-changes><text:changed-region text:id="c1"><text:insertion><office:change-info>' +
    '<dc:creator>edupre</dc:creator><dc:date>2022-08-01T10:00:00</dc:date></office:change-info>' +
    '</text:insertion></text:changed-region></text:tracked-changes>' +
    '<text:p>Par <text:span text:style-name="T1">Éloïse Du</text:span>pré, formatrice.</text:p>' +
    '<text:p>Comme le montre Dupré (2019)<office:annotation><dc:creator>Éloïse Dupré</dc:creator>' +
    '<meta:creator-initials>ÉD</meta:creator-initials><text:p>À revoir</text:p></office:annotation>.</text:p>' +
    '<text:p>Écrire à <text:a xlink:href="mailto:eloise.dupre@exemple.fr">eloise.dupre@exemple.fr</text:a>.</text:p>';
  const manifest =
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">' +
    '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>' +
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>' +
    '<manifest:file-entry manifest:full-path="Thumbnails/thumbnail.png" manifest:media-type="image/png"/>' +
    '</manifest:manifest>';
  return makeOdt(odtContent(body), [
    { name: 'styles.xml', data: odtStyles('', '<style:header><text:p>Éloïse DUPRÉ</text:p></style:header>') },
    {
      name: 'meta.xml',
      data: odtMeta(
        '<meta:initial-creator>Éloïse Dupré</meta:initial-creator><dc:creator>edupre</dc:creator>' +
          '<dc:title>Article de Dupré</dc:title>',
      ),
    },
    { name: 'META-INF/manifest.xml', data: manifest },
    { name: 'Thumbnails/thumbnail.png', data: PNG },
    { name: 'Pictures/photo.png', data: PNG },
  ]);
}

async function entriesOf(bytes: Buffer): Promise<{ names: string[]; text: Map<string, string> }> {
  const archive = await ZipArchive.open(bytes, DEFAULT_LIMITS, new Deadline(10_000));
  const text = new Map<string, string>();
  try {
    for (const name of archive.names()) text.set(name, (await archive.text(name)) ?? '');
    return { names: archive.names(), text };
  } finally {
    archive.close();
  }
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

describe('the anonymised copy of an .odt', () => {
  it('leaves the name nowhere, keeps mimetype first and stored, drops the preview with its manifest line', async () => {
    const { bytes, report } = await anonymiseOdt(await telltaleOdt(), [ELOISE]);
    const { names, text } = await entriesOf(bytes);
    assert.equal(names[0], 'mimetype');
    assert.equal(
      bytes.subarray(30, 38).toString(),
      'mimetype',
      'the first entry, its name right after its header',
    );
    assert.equal(bytes.readUInt16LE(8), 0, 'stored, not compressed');
    assert.ok(!names.includes('Thumbnails/thumbnail.png'));
    assert.ok(names.includes('Pictures/photo.png'));
    assert.doesNotMatch(text.get('META-INF/manifest.xml') ?? '', /Thumbnails/);
    for (const [name, data] of text) {
      assert.ok(!fold(data).includes('dupre'), `${name} still names the author`);
    }
    const content = text.get('content.xml') ?? '';
    assert.match(
      content,
      /<text:p>Par <text:span text:style-name="T1">\[Auteur\]<\/text:span>, formatrice\.<\/text:p>/,
    );
    assert.match(content, /<dc:creator>Auteur<\/dc:creator>/);
    assert.match(content, /<meta:creator-initials>A<\/meta:creator-initials>/);
    assert.match(
      text.get('meta.xml') ?? '',
      /<meta:initial-creator><\/meta:initial-creator><dc:creator><\/dc:creator>/,
    );
    assert.deepEqual(report.droppedParts, ['Thumbnails/thumbnail.png']);
  });

  it('signs the annotations and changes « Relecture » in a reader’s file', async () => {
    const { bytes } = await anonymiseOdt(await telltaleOdt(), [ELOISE], 'reader');
    const content = (await entriesOf(bytes)).text.get('content.xml') ?? '';
    assert.match(content, /<dc:creator>Relecture<\/dc:creator>/);
    assert.match(content, /<meta:creator-initials>R<\/meta:creator-initials>/);
    assert.match(content, /\[Relecture\]/);
    assert.doesNotMatch(fold(content), /dupre/);
  });

  it('opens as a manuscript again, with only the names changed', async () => {
    const original = await telltaleOdt();
    const { bytes } = await anonymiseOdt(original, [ELOISE]);
    const text = async (b: Buffer) =>
      ((await analyseManuscript({ bytes: b, name: 'a.odt' })).manuscript?.paragraphs ?? [])
        .map((p) => p.text)
        .join('\n');
    const after = await text(bytes);
    assert.match(after, /Par \[Auteur\], formatrice\./);
    assert.match(after, /Comme le montre \[Auteur\] \(2019\)/);
    assert.equal(
      after,
      (await text(original)).replace(/Éloïse Dupré|eloise\.dupre@exemple\.fr|Dupré/g, '[Auteur]'),
    );
  });
});
