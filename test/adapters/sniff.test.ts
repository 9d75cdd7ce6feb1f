import assert from 'node:assert/strict';
import { test } from 'node:test';
import CFB from 'cfb';
import { Deadline } from '../../src/adapters/shared/deadline.js';
import {
  describeKind,
  notAWordFile,
  oleKind,
  sniffBytes,
  whatToSendInstead,
  zipKind,
} from '../../src/adapters/sniff/identify.js';
import { ZipArchive } from '../../src/adapters/zip/zip-archive.js';
import { DEFAULT_LIMITS } from '../../src/domain/manuscript/limits.js';
import type { FileKind } from '../../src/domain/manuscript/model.js';
import { makeZip, type ZipFixtureEntry } from '../helpers/zip-fixtures.js';

function compound(streams: Record<string, Buffer>): Buffer {
  const container = CFB.utils.cfb_new();
  for (const [path, data] of Object.entries(streams)) CFB.utils.cfb_add(container, path, data);
  return Buffer.from(CFB.write(container, { type: 'buffer' }) as Uint8Array);
}

async function kindOfZip(entries: ZipFixtureEntry[]): Promise<FileKind> {
  const bytes = await makeZip(entries);
  assert.equal(sniffBytes(bytes.subarray(0, 4096)), 'zip-container');
  const archive = await ZipArchive.open(bytes, DEFAULT_LIMITS, new Deadline(10_000));
  try {
    return await zipKind(archive);
  } finally {
    archive.close();
  }
}

function contentTypes(mainType: string): ZipFixtureEntry {
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/word/document.xml" ContentType="${mainType}"/>` +
    '</Types>';
  return { name: '[Content_Types].xml', data: xml };
}

test('sniffBytes recognises each kind by its first bytes', () => {
  const cases: [string, Buffer, string][] = [
    ['empty', Buffer.alloc(0), 'empty'],
    ['pdf', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'pdf'],
    ['pdf after junk', Buffer.concat([Buffer.from('\r\n\r\n'), Buffer.from('%PDF-1.4')]), 'pdf'],
    ['rtf', Buffer.from('{\\rtf1\\ansi\\deff0 {\\fonttbl}'), 'rtf'],
    ['png', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 'image'],
    ['jpeg', Buffer.from('ffd8ffe000104a464946', 'hex'), 'image'],
    ['gif', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'), 'image'],
    ['tiff', Buffer.from('49492a0008000000', 'hex'), 'image'],
    ['bmp', Buffer.from('424d3a000000000000003600000028000000', 'hex'), 'image'],
    ['webp', Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 ', 'latin1'), 'image'],
    ['heic', Buffer.from('\x00\x00\x00\x18ftypheic\x00\x00\x00\x00', 'latin1'), 'image'],
    ['html', Buffer.from('\uFEFF  <!DOCTYPE html>\n<html lang="fr"><head>'), 'html'],
    ['html without doctype', Buffer.from('<html><body>Bonjour</body></html>'), 'html'],
    ['utf-8 text', Buffer.from('Le travail social aujourd’hui.\nDeuxième ligne.'), 'text'],
    ['latin-1 text', Buffer.from('Le d\xe9but du texte, \xe9crit en 1998.', 'latin1'), 'text'],
    ['text starting with BM', Buffer.from('BMX : a bicycle sport that needs no picture here.'), 'text'],
    ['zip', Buffer.from('504b0304140000000800', 'hex'), 'zip-container'],
    ['empty zip', Buffer.from('504b0506000000000000000000000000000000000000', 'hex'), 'zip-container'],
    ['ole', Buffer.from('d0cf11e0a1b11ae1000000000000', 'hex'), 'ole-container'],
    ['binary', Buffer.from([0x00, 0x01, 0x02, 0x03, 0xfe, 0x00, 0x10, 0x80, 0x00]), 'unknown'],
  ];
  for (const [label, bytes, expected] of cases) assert.equal(sniffBytes(bytes), expected, label);
});

test('text cut in the middle of a UTF-8 character is still text', () => {
  const full = Buffer.from('Éducation spécialisée : un métier');
  assert.equal(sniffBytes(full.subarray(0, 2)), 'text');
});

test('zipKind reads the main content type of OOXML packages', async () => {
  const wml = 'application/vnd.openxmlformats-officedocument.wordprocessingml';
  assert.equal(await kindOfZip([contentTypes(`${wml}.document.main+xml`)]), 'docx');
  assert.equal(
    await kindOfZip([contentTypes('application/vnd.ms-word.document.macroEnabled.main+xml')]),
    'docm',
  );
  assert.equal(await kindOfZip([contentTypes(`${wml}.template.main+xml`)]), 'dotx');
  assert.equal(
    await kindOfZip([contentTypes('application/vnd.ms-word.template.macroEnabledTemplate.main+xml')]),
    'dotm',
  );
  const sheet = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
  assert.equal(await kindOfZip([contentTypes(sheet)]), 'ooxml-other');
  const slides = 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml';
  assert.equal(await kindOfZip([contentTypes(slides)]), 'ooxml-other');
});

test('zipKind reads the mimetype of OpenDocument packages, or their manifest', async () => {
  const odf = 'application/vnd.oasis.opendocument';
  assert.equal(await kindOfZip([{ name: 'mimetype', data: `${odf}.text`, compress: false }]), 'odt');
  assert.equal(await kindOfZip([{ name: 'mimetype', data: `${odf}.text-template`, compress: false }]), 'odt');
  assert.equal(
    await kindOfZip([{ name: 'mimetype', data: `${odf}.spreadsheet`, compress: false }]),
    'opendocument-other',
  );
  const manifest =
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">' +
    `<manifest:file-entry manifest:full-path="/" manifest:media-type="${odf}.text"/>` +
    '</manifest:manifest>';
  assert.equal(await kindOfZip([{ name: 'META-INF/manifest.xml', data: manifest }]), 'odt');
  assert.equal(await kindOfZip([{ name: 'photos/IMG_0001.txt', data: 'not a document' }]), 'zip');
});

test('a .doc renamed .docx is still a .doc: the name is never looked at', () => {
  const doc = compound({ '/WordDocument': Buffer.alloc(600, 1), '/1Table': Buffer.alloc(64) });
  assert.equal(sniffBytes(doc.subarray(0, 4096)), 'ole-container');
  assert.equal(oleKind(doc), 'doc');
});

test('a password-protected .docx (an OLE file with an EncryptedPackage) is encrypted-office', () => {
  const encrypted = compound({
    '/EncryptionInfo': Buffer.from('04000400400000000000', 'hex'),
    '/EncryptedPackage': Buffer.alloc(5000, 0x5a),
  });
  assert.equal(sniffBytes(encrypted), 'ole-container');
  assert.equal(oleKind(encrypted), 'encrypted-office');
});

test('other OLE files are ole-other; a Word stream nested in a storage does not make a .doc', () => {
  assert.equal(oleKind(compound({ '/Workbook': Buffer.alloc(5000, 2) })), 'ole-other');
  assert.equal(oleKind(compound({ '/ObjectPool/_1/WordDocument': Buffer.alloc(100) })), 'ole-other');
});

test('a damaged compound file is recognised without reading past its end or hanging', () => {
  const doc = compound({ '/WordDocument': Buffer.alloc(10_000, 7) });
  const broken = Buffer.from(doc);
  broken.writeUInt32LE(0x00ffffff, 0x4c); // the allocation table's sector lies outside the file
  assert.equal(oleKind(broken), 'doc');
  assert.equal(oleKind(doc.subarray(0, 700)), 'ole-other');
  assert.equal(oleKind(Buffer.from('d0cf11e0a1b11ae1', 'hex')), 'ole-other');
});

test('a compound file whose sector chain loops is answered at once', () => {
  const doc = compound({ '/WordDocument': Buffer.alloc(10_000, 7) });
  const looped = loopDirectoryChain(doc);
  const started = Date.now();
  assert.equal(oleKind(looped), 'doc');
  assert.ok(Date.now() - started < 1000);
});

/** Makes the directory's own sector chain point back to itself. */
function loopDirectoryChain(bytes: Buffer): Buffer {
  const out = Buffer.from(bytes);
  const directory = out.readUInt32LE(0x30);
  const fatAt = (out.readUInt32LE(0x4c) + 1) * 512;
  out.writeUInt32LE(directory, fatAt + directory * 4);
  return out;
}

test('every kind has a French and an English description, and advice on what to send', () => {
  const kinds: FileKind[] = [
    'docx',
    'docm',
    'dotx',
    'dotm',
    'odt',
    'doc',
    'pdf',
    'rtf',
    'image',
    'zip',
    'ooxml-other',
    'opendocument-other',
    'ole-other',
    'encrypted-office',
    'html',
    'text',
    'empty',
    'unknown',
  ];
  for (const kind of kinds) {
    const d = describeKind(kind);
    assert.ok(d.fr.length > 3 && d.en.length > 3, kind);
    assert.notEqual(d.fr, d.en, kind);
    assert.ok(whatToSendInstead(kind).fr.length > 10, kind);
  }
  assert.equal(describeKind('pdf').fr, 'un document PDF');
  assert.equal(describeKind('pdf').en, 'a PDF document');
});

test('NOT_A_WORD_FILE names the kind in each language', () => {
  const error = notAWordFile('pdf');
  assert.equal(error.code, 'NOT_A_WORD_FILE');
  assert.match(error.text.fr, /c’est un document PDF/);
  assert.match(error.text.en, /it is a PDF document/);
});
