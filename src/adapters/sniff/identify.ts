import type { FileKind } from '../../domain/manuscript/model.js';
import { CompoundFile, CompoundFileError } from '../doc/compound-file.js';
import { parseXmlStream } from '../xml/parse-stream.js';
import type { Attributes } from '../xml/tokenizer.js';
import type { ZipArchive } from '../zip/zip-archive.js';

/**
 * Recognises a file by its content, never by its name: authors rename files, mail clients add
 * extensions, and a .doc saved as "texte.docx" must still get the right message.
 */
export type Sniffed = FileKind | 'zip-container' | 'ole-container';

/** How many leading bytes sniffBytes looks at; callers may pass more, never need to. */
export const SNIFF_BYTES = 4096;

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function startsWith(head: Buffer, bytes: readonly number[], at = 0): boolean {
  if (head.length < at + bytes.length) return false;
  return bytes.every((b, i) => head[at + i] === b);
}

function ascii(head: Buffer, from: number, to: number): string {
  return head.subarray(from, to).toString('latin1');
}

export function sniffBytes(head: Buffer): Sniffed {
  if (head.length === 0) return 'empty';
  // Local file header; an empty archive (end record only); a spanned archive's marker.
  for (const kind of [0x0304, 0x0506, 0x0708]) {
    if (startsWith(head, [0x50, 0x4b, kind >> 8, kind & 0xff])) return 'zip-container';
  }
  if (head.length >= 8 && head.subarray(0, 8).equals(OLE)) return 'ole-container';
  // A PDF may carry a few bytes of junk before its header; readers accept it within 1 KiB.
  if (head.subarray(0, 1024).includes('%PDF-')) return 'pdf';
  if (isImage(head)) return 'image';
  if (ascii(head, 0, 5) === '{\\rtf') return 'rtf';
  const text = leadingText(head);
  if (text !== null) {
    const start = text.trimStart();
    if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|body)[\s>]/i.test(start)) {
      return 'html';
    }
    return 'text';
  }
  return 'unknown';
}

function isImage(head: Buffer): boolean {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return true; // PNG
  if (startsWith(head, [0xff, 0xd8, 0xff])) return true; // JPEG
  const six = ascii(head, 0, 6);
  if (six === 'GIF87a' || six === 'GIF89a') return true;
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return true;
  // BMP: "BM" alone could start a text file; the reserved bytes after the size must be zero.
  if (ascii(head, 0, 2) === 'BM' && head.length >= 14 && head.readUInt32LE(6) === 0) return true;
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return true;
  if (ascii(head, 4, 8) === 'ftyp') {
    return /^(heic|heix|hevc|hevx|heim|heis|mif1|msf1|avif|avis)$/.test(ascii(head, 8, 12));
  }
  return false;
}

/**
 * The head as text when it reads as text: UTF-8 (or UTF-16 with a byte-order mark), or an 8-bit
 * encoding such as Windows-1252, with almost no control characters. Null otherwise.
 */
function leadingText(head: Buffer): string | null {
  let text: string;
  if (startsWith(head, [0xff, 0xfe])) text = head.subarray(2).toString('utf16le');
  else if (startsWith(head, [0xfe, 0xff])) text = Buffer.from(head.subarray(2)).swap16().toString('utf16le');
  else if (head.includes(0)) return null;
  else text = head.toString(isUtf8(head) ? 'utf8' : 'latin1');
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0x7f) control++;
  }
  return control <= text.length * 0.02 ? text.replace(/^\uFEFF/, '') : null;
}

/** Valid UTF-8, allowing a character cut at the end of the head. */
function isUtf8(head: Buffer): boolean {
  for (let cut = 0; cut <= 3 && cut < head.length; cut++) {
    const part = head.subarray(0, head.length - cut);
    if (Buffer.from(part.toString('utf8'), 'utf8').equals(part)) return true;
  }
  return false;
}

const CONTENT_TYPES: ReadonlyArray<[RegExp, FileKind]> = [
  [/^application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document\.main\+xml$/i, 'docx'],
  [/^application\/vnd\.ms-word\.document\.macroenabled\.main\+xml$/i, 'docm'],
  [/^application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.template\.main\+xml$/i, 'dotx'],
  [/^application\/vnd\.ms-word\.template\.macroenabledtemplate\.main\+xml$/i, 'dotm'],
  [
    /^application\/vnd\.(openxmlformats-officedocument\.(spreadsheetml|presentationml)|ms-excel|ms-powerpoint)\./i,
    'ooxml-other',
  ],
];

/** What a zip container holds: an OOXML package, an OpenDocument package, or just a zip. */
export async function zipKind(archive: ZipArchive): Promise<FileKind> {
  if (archive.has('[Content_Types].xml')) return ooxmlKind(archive);
  const mimetype = await archive.text('mimetype', 256);
  const media = mimetype !== null ? mimetype.trim() : await manifestMediaType(archive);
  if (media === null) return 'zip';
  if (/^application\/vnd\.oasis\.opendocument\.text(-template)?$/.test(media)) return 'odt';
  if (media.startsWith('application/vnd.oasis.opendocument.')) return 'opendocument-other';
  return 'zip';
}

const SMALL_PART = 1024 * 1024;

async function ooxmlKind(archive: ZipArchive): Promise<FileKind> {
  const found = new Set<FileKind>();
  const handler = {
    open(name: string, attributes: Attributes) {
      if (name !== 'ct:Override' && name !== 'ct:Default') return;
      const type = attributes.get('ContentType') ?? '';
      for (const [pattern, kind] of CONTENT_TYPES) if (pattern.test(type)) found.add(kind);
    },
    close() {},
    text() {},
  };
  const chunks = archive.stream('[Content_Types].xml', SMALL_PART);
  await parseXmlStream(chunks, handler, { part: '[Content_Types].xml', maxDepth: 64 });
  for (const kind of ['docm', 'dotm', 'dotx', 'docx'] as const) if (found.has(kind)) return kind;
  return 'ooxml-other';
}

/** Some writers omit the `mimetype` entry; the manifest's root entry then says what it is. */
async function manifestMediaType(archive: ZipArchive): Promise<string | null> {
  if (!archive.has('META-INF/manifest.xml')) return null;
  let media: string | null = null;
  const handler = {
    open(name: string, attributes: Attributes) {
      if (name === 'manifest:file-entry' && attributes.get('manifest:full-path') === '/') {
        media = attributes.get('manifest:media-type') ?? null;
      }
    },
    close() {},
    text() {},
  };
  const chunks = archive.stream('META-INF/manifest.xml', SMALL_PART);
  await parseXmlStream(chunks, handler, { part: 'META-INF/manifest.xml', maxDepth: 64 });
  return media;
}

const WORD_DOCUMENT_UTF16 = Buffer.from('WordDocument', 'utf16le');

/** What an OLE compound file holds: a .doc, an encrypted .docx/.xlsx…, or something else. */
export function oleKind(bytes: Buffer): FileKind {
  let names: string[];
  try {
    names = CompoundFile.parse(bytes).rootNames();
  } catch (e) {
    if (!(e instanceof CompoundFileError)) throw e;
    // A damaged .doc is still a .doc: the reader then says it is damaged, which helps more.
    return bytes.includes(WORD_DOCUMENT_UTF16) ? 'doc' : 'ole-other';
  }
  if (names.includes('EncryptedPackage')) return 'encrypted-office';
  if (names.includes('WordDocument')) return 'doc';
  return 'ole-other';
}

export { describeKind, notAWordFile, whatToSendInstead } from './describe-kind.js';
