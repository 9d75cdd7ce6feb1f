import { inflateRawSync } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

/**
 * Bench-only zip helpers (trusted input: the corpus and our own generated files). The reader
 * itself goes through src/adapters/zip/zip-archive.ts and its caps.
 */

export interface StoredPart {
  name: string;
  /** 0 = stored, 8 = deflate. */
  method: number;
  /** The part's bytes as stored in the archive (deflate data for method 8). */
  data: Buffer;
  uncompressedSize: number;
}

const LOCAL_HEADER = 0x04034b50;

export function isXmlPart(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.endsWith('.xml') || lower.endsWith('.rels');
}

/** The stored data of the entries `wanted` accepts, sliced out of the archive's bytes. */
export async function storedParts(zip: Buffer, wanted: (name: string) => boolean): Promise<StoredPart[]> {
  const entries = await listEntries(zip);
  const parts: StoredPart[] = [];
  for (const entry of entries) {
    if (!wanted(entry.fileName)) continue;
    const at = entry.relativeOffsetOfLocalHeader;
    if (zip.readUInt32LE(at) !== LOCAL_HEADER) throw new Error(`bad local header for ${entry.fileName}`);
    const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
    parts.push({
      name: entry.fileName,
      method: entry.compressionMethod,
      data: zip.subarray(start, start + entry.compressedSize),
      uncompressedSize: entry.uncompressedSize,
    });
  }
  return parts;
}

export function inflatePart(part: StoredPart): Buffer {
  if (part.method === 0) return part.data;
  if (part.method === 8) return inflateRawSync(part.data);
  throw new Error(`${part.name}: compression method ${part.method} not supported`);
}

/** Opens the archive with yauzl and drains the wanted entries' inflate streams; returns bytes read. */
export async function drainWithYauzl(zip: Buffer, wanted: (name: string) => boolean): Promise<number> {
  const file = await fromBuffer(zip);
  let bytes = 0;
  try {
    for await (const entry of entriesOf(file)) {
      if (!wanted(entry.fileName)) continue;
      const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
        file.openReadStream(entry, (err, s) => (err || !s ? reject(err) : resolve(s))),
      );
      for await (const chunk of stream as AsyncIterable<Buffer>) bytes += chunk.length;
    }
  } finally {
    file.close();
  }
  return bytes;
}

async function listEntries(zip: Buffer): Promise<Entry[]> {
  const file = await fromBuffer(zip);
  const out: Entry[] = [];
  try {
    for await (const entry of entriesOf(file)) out.push(entry);
  } finally {
    file.close();
  }
  return out;
}

function fromBuffer(zip: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(zip, { lazyEntries: true, autoClose: false }, (err, file) =>
      err || !file ? reject(err) : resolve(file),
    ),
  );
}

/** yauzl's lazy entry events as an async iterator (one entry at a time). */
async function* entriesOf(file: ZipFile): AsyncGenerator<Entry> {
  while (true) {
    const entry = await new Promise<Entry | null>((resolve, reject) => {
      const onEntry = (e: Entry) => done(e);
      const onEnd = () => done(null);
      const onError = (err: Error) => {
        cleanup();
        reject(err);
      };
      const cleanup = () => {
        file.off('entry', onEntry);
        file.off('end', onEnd);
        file.off('error', onError);
      };
      const done = (e: Entry | null) => {
        cleanup();
        resolve(e);
      };
      file.on('entry', onEntry);
      file.on('end', onEnd);
      file.on('error', onError);
      file.readEntry();
    });
    if (entry === null) return;
    yield entry;
  }
}
