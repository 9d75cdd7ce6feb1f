import yazl from 'yazl';

/**
 * Builds zip files in memory for tests (yazl), and patches their headers to make the hostile
 * variants a reader must survive: lying sizes, encrypted flags, path-like names.
 */
export interface ZipFixtureEntry {
  name: string;
  data: string | Buffer;
  /** Deflate the entry (default true); the `mimetype` of an ODF package is usually stored. */
  compress?: boolean;
}

export function makeZip(entries: readonly ZipFixtureEntry[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const fixed = new Date(Date.UTC(2024, 0, 1));
  for (const entry of entries) {
    const data = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : entry.data;
    zip.addBuffer(data, entry.name, { compress: entry.compress ?? true, mtime: fixed });
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

export interface ZipHeaderPatch {
  /** OR-ed into the general purpose bit flag (bit 0: encrypted). */
  flagsOr?: number;
  uncompressedSize?: number;
  compressedSize?: number;
  /** A new name of the same byte length (yazl refuses "../" and absolute names). */
  rename?: string;
}

/** Rewrites the local and central headers of the entry called `name`; returns a new buffer. */
export function patchEntry(zip: Buffer, name: string, patch: ZipHeaderPatch): Buffer {
  const out = Buffer.from(zip);
  const central = findCentral(out, name);
  const local = out.readUInt32LE(central + 42);
  if (out.readUInt32LE(local) !== LOCAL_SIGNATURE) throw new Error('local header not found');
  if (patch.rename !== undefined && Buffer.byteLength(patch.rename) !== Buffer.byteLength(name)) {
    throw new Error('rename must keep the byte length of the name');
  }
  applyPatch(
    out,
    { flags: central + 8, compressed: central + 20, uncompressed: central + 24, name: central + 46 },
    patch,
  );
  applyPatch(
    out,
    { flags: local + 6, compressed: local + 18, uncompressed: local + 22, name: local + 30 },
    patch,
  );
  return out;
}

interface HeaderFields {
  flags: number;
  compressed: number;
  uncompressed: number;
  name: number;
}

function applyPatch(buf: Buffer, at: HeaderFields, patch: ZipHeaderPatch): void {
  if (patch.flagsOr !== undefined) buf.writeUInt16LE(buf.readUInt16LE(at.flags) | patch.flagsOr, at.flags);
  if (patch.compressedSize !== undefined) buf.writeUInt32LE(patch.compressedSize, at.compressed);
  if (patch.uncompressedSize !== undefined) buf.writeUInt32LE(patch.uncompressedSize, at.uncompressed);
  if (patch.rename !== undefined) Buffer.from(patch.rename, 'utf8').copy(buf, at.name);
}

function findCentral(buf: Buffer, name: string): number {
  const wanted = Buffer.from(name, 'utf8');
  for (let i = 0; i + 46 <= buf.length; i++) {
    if (buf.readUInt32LE(i) !== CENTRAL_SIGNATURE) continue;
    const nameLength = buf.readUInt16LE(i + 28);
    if (nameLength === wanted.length && buf.subarray(i + 46, i + 46 + nameLength).equals(wanted)) return i;
  }
  throw new Error(`no central directory entry named ${name}`);
}

/** The smallest valid ODF text package around a content.xml body (and optional other parts). */
export function makeOdt(
  content: string,
  extra: readonly ZipFixtureEntry[] = [],
  mimetype = 'application/vnd.oasis.opendocument.text',
): Promise<Buffer> {
  return makeZip([
    { name: 'mimetype', data: mimetype, compress: false },
    { name: 'content.xml', data: content },
    ...extra,
  ]);
}

/** Namespace declarations of an ODF document, with the prefixes LibreOffice writes. */
export const ODF_NAMESPACES = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
  'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:xlink="http://www.w3.org/1999/xlink"',
].join(' ');

/** content.xml around an office:text body, with optional automatic styles. */
export function odtContent(body: string, automaticStyles = ''): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<office:document-content ${ODF_NAMESPACES} office:version="1.3">` +
    `<office:automatic-styles>${automaticStyles}</office:automatic-styles>` +
    `<office:body><office:text>${body}</office:text></office:body>` +
    '</office:document-content>'
  );
}

/** styles.xml with the given named styles and master-page content (headers, footers). */
export function odtStyles(styles: string, masterPage = ''): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<office:document-styles ${ODF_NAMESPACES} office:version="1.3">` +
    `<office:styles>${styles}</office:styles>` +
    `<office:master-styles><style:master-page style:name="Standard">${masterPage}</style:master-page></office:master-styles>` +
    '</office:document-styles>'
  );
}

/** meta.xml with the given office:meta children. */
export function odtMeta(children: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<office:document-meta ${ODF_NAMESPACES} office:version="1.3"><office:meta>${children}</office:meta></office:document-meta>`
  );
}
