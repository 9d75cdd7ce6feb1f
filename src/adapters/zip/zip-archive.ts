import type { Readable } from 'node:stream';
import { inflateRawSync } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { ReaderLimits } from '../../domain/manuscript/limits.js';
import { AppError } from '../../domain/shared/errors.js';
import type { Deadline } from '../shared/deadline.js';

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  encrypted: boolean;
}

const RATIO_CHECK_FROM = 1024 * 1024;
/**
 * Entries up to this size (uncompressed) are inflated in one synchronous call: a zlib stream costs
 * about 0.1 ms to set up and a .docx has a dozen small parts. Larger ones are streamed, so that a
 * 40 MB document.xml is never held whole.
 */
const INFLATE_AT_ONCE_UP_TO = 1024 * 1024;
const LOCAL_HEADER = 0x04034b50;

/**
 * A zip container read with caps. Entry names are looked up in memory, case-insensitively (as
 * OPC part names are), and never used as paths: nothing is ever extracted to disk.
 */
export class ZipArchive {
  private constructor(
    private readonly source: string | Buffer,
    private readonly zip: ZipFile,
    private readonly entries: Map<string, Entry>,
    private readonly limits: ReaderLimits,
    private readonly deadline: Deadline,
  ) {}

  static async open(source: string | Buffer, limits: ReaderLimits, deadline: Deadline): Promise<ZipArchive> {
    const zip = await openZip(source);
    try {
      if (zip.entryCount > limits.maxEntries) {
        throw new AppError('ZIP_TOO_MANY_ENTRIES', { count: zip.entryCount, max: limits.maxEntries });
      }
      const entries = await readEntries(zip, deadline);
      let total = 0;
      for (const entry of entries.values()) total += entry.uncompressedSize;
      if (total > limits.maxTotalUncompressedBytes) {
        throw new AppError('UNCOMPRESSED_TOO_LARGE', { size: total, max: limits.maxTotalUncompressedBytes });
      }
      return new ZipArchive(source, zip, entries, limits, deadline);
    } catch (e) {
      zip.close();
      throw e;
    }
  }

  names(): string[] {
    return [...this.entries.values()].map((e) => decodeName(e));
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  info(name: string): ZipEntryInfo | undefined {
    const entry = this.entries.get(name.toLowerCase());
    if (!entry) return undefined;
    return {
      name: decodeName(entry),
      compressedSize: entry.compressedSize,
      uncompressedSize: entry.uncompressedSize,
      encrypted: (entry.generalPurposeBitFlag & 1) !== 0,
    };
  }

  /** Streams one entry's bytes, inflated, stopping with a coded error at any cap. */
  async *stream(name: string, maxBytes = this.limits.maxPartBytes): AsyncGenerator<Buffer> {
    const entry = this.entries.get(name.toLowerCase());
    if (!entry) return;
    this.checkEntry(entry, maxBytes);
    const whole = await this.atOnce(entry);
    if (whole !== null) {
      this.deadline.check();
      if (whole.length > 0) yield whole;
      return;
    }
    const stream = await openEntry(this.zip, entry);
    let seen = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        seen += chunk.length;
        if (seen > maxBytes) throw new AppError('PART_TOO_LARGE', { part: decodeName(entry), max: maxBytes });
        this.deadline.check();
        yield chunk;
      }
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw new AppError('ZIP_INVALID', { detail: errorText(e) });
    } finally {
      stream.destroy();
    }
  }

  /** Reads a whole (small) entry as UTF-8 text, or null when it does not exist. */
  async text(name: string, maxBytes = this.limits.maxPartBytes): Promise<string | null> {
    if (!this.has(name)) return null;
    const chunks: Buffer[] = [];
    for await (const chunk of this.stream(name, maxBytes)) chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
  }

  close(): void {
    this.zip.close();
  }

  /**
   * A small entry's bytes inflated in one call, or null to stream it. Only a sound entry takes
   * this way: anything odd (a bad local header, data that does not inflate to exactly the declared
   * size) returns null, and the stream reports it with the same error as always.
   */
  private async atOnce(entry: Entry): Promise<Buffer | null> {
    if (entry.uncompressedSize > INFLATE_AT_ONCE_UP_TO) return null;
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) return null;
    const data = await this.storedData(entry);
    if (data === null) return null;
    if (entry.compressionMethod === 0) return data.length === entry.uncompressedSize ? data : null;
    try {
      const inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) + 1 });
      return inflated.length === entry.uncompressedSize ? inflated : null;
    } catch {
      return null;
    }
  }

  /** The entry's data as stored (compressed), located as yauzl locates it, or null. */
  private async storedData(entry: Entry): Promise<Buffer | null> {
    if (typeof this.source !== 'string') {
      const zip = this.source;
      const at = entry.relativeOffsetOfLocalHeader;
      if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL_HEADER) return null;
      const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
      const end = start + entry.compressedSize;
      return end <= zip.length ? zip.subarray(start, end) : null;
    }
    try {
      const raw = await openEntry(this.zip, entry, { decodeFileData: false });
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of raw as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > entry.compressedSize) return null;
        chunks.push(chunk);
      }
      return size === entry.compressedSize ? Buffer.concat(chunks, size) : null;
    } catch {
      return null;
    }
  }

  private checkEntry(entry: Entry, maxBytes: number): void {
    const name = decodeName(entry);
    if ((entry.generalPurposeBitFlag & 1) !== 0) throw new AppError('ENCRYPTED');
    if (entry.uncompressedSize > maxBytes)
      throw new AppError('PART_TOO_LARGE', { part: name, max: maxBytes });
    if (entry.uncompressedSize > RATIO_CHECK_FROM) {
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
      if (ratio > this.limits.maxCompressionRatio) {
        throw new AppError('ZIP_BOMB', { ratio: Math.round(ratio), max: this.limits.maxCompressionRatio });
      }
    }
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message.slice(0, 200) : String(e).slice(0, 200);
}

function openZip(source: string | Buffer): Promise<ZipFile> {
  // decodeStrings off: yauzl would reject a whole file for one odd entry name; we decode names
  // ourselves and only ever compare them with the part names we look for.
  const options = { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false };
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, zip?: ZipFile) =>
      err || !zip ? reject(new AppError('ZIP_INVALID', { detail: errorText(err) })) : resolve(zip);
    if (typeof source === 'string') yauzl.open(source, options, done);
    else yauzl.fromBuffer(source, options, done);
  });
}

function readEntries(zip: ZipFile, deadline: Deadline): Promise<Map<string, Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, Entry>();
    zip.on('entry', (entry: Entry) => {
      try {
        deadline.check();
      } catch (e) {
        reject(e);
        return;
      }
      const key = decodeName(entry).toLowerCase();
      if (!entries.has(key)) entries.set(key, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (err: Error) => reject(new AppError('ZIP_INVALID', { detail: errorText(err) })));
    zip.readEntry();
  });
}

function openEntry(
  zip: ZipFile,
  entry: Entry,
  options: { decodeFileData?: boolean } = {},
): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, options as yauzl.ZipFileOptions, (err, stream) => {
      if (err || !stream) reject(new AppError('ZIP_INVALID', { detail: errorText(err) }));
      else resolve(stream);
    });
  });
}

const nameCache = new WeakMap<Entry, string>();

/** Bit 11 says UTF-8; otherwise CP437, which matches Latin-1 on the ASCII part names we look for. */
function decodeName(entry: Entry): string {
  const cached = nameCache.get(entry);
  if (cached !== undefined) return cached;
  const raw = entry.fileName as unknown as Buffer | string;
  const name =
    typeof raw === 'string'
      ? raw
      : raw.toString((entry.generalPurposeBitFlag & 0x800) !== 0 ? 'utf8' : 'latin1');
  nameCache.set(entry, name);
  return name;
}
