import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readOdt } from '../../src/adapters/odt/read-odt.js';
import { Deadline } from '../../src/adapters/shared/deadline.js';
import { ZipArchive } from '../../src/adapters/zip/zip-archive.js';
import { DEFAULT_LIMITS, type ReaderLimits } from '../../src/domain/manuscript/limits.js';
import type { Manuscript } from '../../src/domain/manuscript/model.js';
import { AppError } from '../../src/domain/shared/errors.js';
import {
  makeOdt,
  makeZip,
  odtContent,
  odtMeta,
  odtStyles,
  type ZipFixtureEntry,
} from '../helpers/zip-fixtures.js';

const SIMPLE = odtContent('<text:p>Un texte de dix-neuf.</text:p>');

async function readBytes(bytes: Buffer, options: { limits?: ReaderLimits; keepText?: boolean } = {}) {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const deadline = new Deadline(10_000);
  const archive = await ZipArchive.open(bytes, limits, deadline);
  try {
    return await readOdt(archive, { limits, deadline, keepText: options.keepText ?? true });
  } finally {
    archive.close();
  }
}

function readParts(extra: ZipFixtureEntry[], content = SIMPLE, mimetype?: string): Promise<Manuscript> {
  return makeOdt(content, extra, mimetype).then((bytes) => readBytes(bytes));
}

async function rejectsWith(promise: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(promise, (e: unknown) => e instanceof AppError && e.code === code);
}

test('meta.xml: the stored statistics, the generator and the people are reported', async () => {
  const meta = odtMeta(
    '<meta:generator>LibreOffice/7.6.4.1$Linux_X86_64 LibreOffice_project/e19e193f88cd6c0525a17fb7a176ed8e6a3e2aa1</meta:generator>' +
      '<dc:title>Le travail social</dc:title><meta:initial-creator>Camille Martin</meta:initial-creator>' +
      '<dc:creator>Relecteur</dc:creator>' +
      '<meta:document-statistic meta:table-count="0" meta:image-count="0" meta:object-count="0" meta:page-count="3" ' +
      'meta:paragraph-count="12" meta:word-count="1530" meta:character-count="9876" meta:non-whitespace-character-count="8400"/>',
  );
  const m = await readParts([{ name: 'meta.xml', data: meta }]);
  assert.deepEqual(m.facts.stored, {
    charactersWithSpaces: 9876,
    characters: 8400,
    words: 1530,
    paragraphs: 12,
    pages: 3,
    application: 'LibreOffice',
    appVersion: '7.6.4.1',
  });
  assert.deepEqual(m.facts.core, {
    creator: 'Camille Martin',
    lastModifiedBy: 'Relecteur',
    title: 'Le travail social',
  });
});

test('without meta.xml there are no stored figures; a damaged one is a note, not a failure', async () => {
  assert.equal((await readParts([])).facts.stored, null);
  const m = await readParts([{ name: 'meta.xml', data: '<office:document-meta><office:meta>' }]);
  assert.equal(m.facts.stored, null);
  assert.equal(m.counts.signes.total, 21);
  assert.equal(m.notes[0]?.code, 'ODT_PART_UNREADABLE');
});

test('styles.xml: headers and footers with content are reported, never counted', async () => {
  const master =
    '<style:header><text:p>Sociographe n° 81</text:p></style:header>' +
    '<style:header-left style:display="false"><text:p>Gauche</text:p></style:header-left>' +
    '<style:footer><text:p><text:page-number>1</text:page-number></text:p></style:footer>' +
    '<style:footer-first><text:p/></style:footer-first>';
  const m = await readParts([{ name: 'styles.xml', data: odtStyles('', master) }]);
  assert.equal(m.facts.headersFooters, 2);
  assert.equal(m.counts.leftOut.headersFooters, true);
  assert.equal(m.counts.signes.total, 21);
});

test('languages come from fo:language, most used first', async () => {
  const styles = odtStyles(
    '<style:default-style style:family="paragraph"><style:text-properties fo:language="fr" fo:country="FR"/></style:default-style>',
  );
  const auto =
    '<style:style style:name="T1" style:family="text"><style:text-properties fo:language="en" fo:country="GB"/></style:style>';
  const content = odtContent(
    '<text:p>Un long paragraphe en français.</text:p><text:p><text:span text:style-name="T1">Short</text:span></text:p>',
    auto,
  );
  const m = await readParts([{ name: 'styles.xml', data: styles }], content);
  assert.deepEqual(m.facts.languages, ['fr-FR', 'en-GB']);
});

test('macros, embedded objects and pictures are reported', async () => {
  const content = odtContent(
    '<text:p><draw:frame><draw:object xlink:href="./Object 1"/><draw:image xlink:href="./ObjectReplacements/Object 1"/></draw:frame></text:p>' +
      '<text:p><draw:frame><draw:image xlink:href="Pictures/photo.jpg"/></draw:frame></text:p>',
  );
  const m = await readParts(
    [
      { name: 'Basic/script-lc.xml', data: '<x/>' },
      { name: 'Basic/Standard/script-lb.xml', data: '<x/>' },
      { name: 'Basic/Standard/Module1.xml', data: '<x/>' },
    ],
    content,
  );
  assert.equal(m.facts.macros, true);
  assert.equal(m.facts.embeddedObjects, 1);
  assert.equal(m.facts.images, 1);
  const empty = await readParts([{ name: 'Basic/Standard/script-lb.xml', data: '<x/>' }]);
  assert.equal(empty.facts.macros, false);
});

test('a template (.ott) is read and flagged; a spreadsheet is not a Word file', async () => {
  const template = await readParts([], SIMPLE, 'application/vnd.oasis.opendocument.text-template');
  assert.equal(template.facts.flavour, 'template');
  assert.equal(template.counts.signes.total, 21);
  await rejectsWith(
    readParts([], SIMPLE, 'application/vnd.oasis.opendocument.spreadsheet'),
    'NOT_A_WORD_FILE',
  );
});

test('a password-protected .odt says so', async () => {
  const manifest =
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">' +
    '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>' +
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml" manifest:size="5000">' +
    '<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x">' +
    '<manifest:algorithm manifest:algorithm-name="Blowfish CFB" manifest:initialisation-vector="x"/>' +
    '</manifest:encryption-data></manifest:file-entry></manifest:manifest>';
  const bytes = await makeOdt('\u00ff\u00fe not xml at all', [
    { name: 'META-INF/manifest.xml', data: manifest },
  ]);
  await rejectsWith(readBytes(bytes), 'ODT_ENCRYPTED');
});

test('a package without content.xml is refused with a clear code', async () => {
  const bytes = await makeZip([
    { name: 'mimetype', data: 'application/vnd.oasis.opendocument.text', compress: false },
  ]);
  await rejectsWith(readBytes(bytes), 'ODT_NO_CONTENT');
});

test('a DOCTYPE in content.xml is refused', async () => {
  const content = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><office:document-content/>';
  await rejectsWith(readParts([], content), 'XML_DOCTYPE');
});

test('a DOCTYPE in styles.xml is refused too, not taken for a damaged part', async () => {
  await rejectsWith(readParts([{ name: 'styles.xml', data: '<!DOCTYPE x><x/>' }]), 'XML_DOCTYPE');
});

test('text:s with an absurd count cannot swell the process', async () => {
  const spaces = '<text:s text:c="400000"/>'.repeat(4);
  const limits = { ...DEFAULT_LIMITS, maxPartBytes: 1_000_000 };
  const bytes = await makeOdt(odtContent(`<text:p>${spaces}</text:p>`));
  await rejectsWith(readBytes(bytes, { limits }), 'PART_TOO_LARGE');
});

test('keepText false keeps the counts and drops the text', async () => {
  const m = await readBytes(await makeOdt(SIMPLE), { keepText: false });
  assert.equal(m.counts.signes.total, 21);
  assert.equal(m.paragraphs[0]?.text, '');
});
