/**
 * A small, bounded reader for OLE compound files ([MS-CFB]): the container of .doc files and of
 * password-protected .docx files. We read it ourselves rather than with the `cfb` package because
 * cfb follows a sector chain without a cycle check in one of its paths (a crafted file loops
 * forever) and walks directories in quadratic time; sniffing runs on every upload, on the main
 * thread, so every loop here is bounded by the file's own sector count.
 */

const SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** Sector numbers at or above this are markers (free, end of chain, FAT, DIFAT), not sectors. */
const MAX_REGULAR_SECTOR = 0xfffffffa;
const HEADER_DIFAT_ENTRIES = 109;
const DIRECTORY_ENTRY_BYTES = 128;
const MAX_DIRECTORY_ENTRIES = 100_000;

export class CompoundFileError extends Error {
  override name = 'CompoundFileError';
}

export function hasCompoundSignature(bytes: Buffer): boolean {
  return bytes.length >= SIGNATURE.length && bytes.subarray(0, SIGNATURE.length).equals(SIGNATURE);
}

interface DirectoryEntry {
  name: string;
  /** 1 storage, 2 stream, 5 root. */
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

export class CompoundFile {
  private miniStream: Buffer | null = null;
  private miniFat: Uint32Array | null = null;

  private constructor(
    private readonly bytes: Buffer,
    private readonly sectorSize: number,
    private readonly miniCutoff: number,
    private readonly miniFatStart: number,
    private readonly fat: Uint32Array,
    private readonly entries: DirectoryEntry[],
  ) {}

  /** Parses the header, the allocation table and the directory; throws CompoundFileError. */
  static parse(bytes: Buffer): CompoundFile {
    if (!hasCompoundSignature(bytes) || bytes.length < 512) fail('not a compound file');
    const shift = bytes.readUInt16LE(0x1e);
    if (shift !== 9 && shift !== 12) fail(`unexpected sector size 2^${shift}`);
    if (bytes.readUInt16LE(0x20) !== 6) fail('unexpected mini sector size');
    const sectorSize = 1 << shift;
    const sectorCount = Math.ceil((bytes.length - sectorSize) / sectorSize);
    const fat = readFat(bytes, sectorSize, sectorCount);
    const directory = readChain(bytes, sectorSize, fat, bytes.readUInt32LE(0x30));
    const entries = readDirectory(directory, shift === 12);
    return new CompoundFile(
      bytes,
      sectorSize,
      bytes.readUInt32LE(0x38),
      bytes.readUInt32LE(0x3c),
      fat,
      entries,
    );
  }

  /** Names of the streams and storages directly under the root (where Word puts its streams). */
  rootNames(): string[] {
    return this.rootEntries().map((e) => e.name);
  }

  /** The bytes of a stream directly under the root, or null when there is none by that name. */
  stream(name: string): Buffer | null {
    const entry = this.rootEntries().find((e) => e.type === 2 && e.name === name);
    if (!entry) return null;
    if (entry.size > this.bytes.length) fail(`stream ${name} is larger than the file`);
    if (entry.size < this.miniCutoff) return this.readMini(entry);
    const data = readChain(this.bytes, this.sectorSize, this.fat, entry.start);
    if (data.length < entry.size) fail(`stream ${name} is truncated`);
    return data.subarray(0, entry.size);
  }

  /** How many streams and storages a storage directly under the root holds (0 if none). */
  childCount(storage: string): number {
    const entry = this.rootEntries().find((e) => e.type === 1 && e.name === storage);
    return entry ? this.children(entry).length : 0;
  }

  private rootEntries(): DirectoryEntry[] {
    const root = this.entries[0];
    if (root?.type !== 5) fail('no root entry');
    return this.children(root);
  }

  /** A storage's children form a red-black tree linked by left/right: walk it, each node once. */
  private children(parent: DirectoryEntry): DirectoryEntry[] {
    const out: DirectoryEntry[] = [];
    const seen = new Set<number>();
    const todo = [parent.child];
    while (todo.length > 0) {
      const id = todo.pop() as number;
      if (id >= this.entries.length || seen.has(id)) continue;
      seen.add(id);
      const entry = this.entries[id] as DirectoryEntry;
      if (entry.type === 1 || entry.type === 2) out.push(entry);
      todo.push(entry.left, entry.right);
    }
    return out;
  }

  private readMini(entry: DirectoryEntry): Buffer {
    if (this.miniStream === null || this.miniFat === null) {
      const root = this.entries[0] as DirectoryEntry;
      const whole = readChain(this.bytes, this.sectorSize, this.fat, root.start);
      this.miniStream = whole.subarray(0, Math.min(root.size, whole.length));
      const table = readChain(this.bytes, this.sectorSize, this.fat, this.miniFatStart);
      this.miniFat = toTable(table);
    }
    const stream = this.miniStream;
    const ids = followChain(this.miniFat, entry.start, Math.ceil(stream.length / 64));
    const parts = ids.map((id) => stream.subarray(id * 64, id * 64 + 64));
    const data = Buffer.concat(parts);
    if (data.length < entry.size) fail(`stream ${entry.name} is truncated`);
    return data.subarray(0, entry.size);
  }
}

function fail(detail: string): never {
  throw new CompoundFileError(detail);
}

function sector(bytes: Buffer, sectorSize: number, id: number): Buffer {
  const start = (id + 1) * sectorSize;
  return bytes.subarray(start, start + sectorSize);
}

function toTable(bytes: Buffer): Uint32Array {
  const table = new Uint32Array(Math.floor(bytes.length / 4));
  for (let i = 0; i < table.length; i++) table[i] = bytes.readUInt32LE(i * 4);
  return table;
}

/** The FAT: its sector numbers come from the header's 109 slots, then from the DIFAT chain. */
function readFat(bytes: Buffer, sectorSize: number, sectorCount: number): Uint32Array {
  const ids: number[] = [];
  const declared = bytes.readUInt32LE(0x2c);
  if (declared > sectorCount) fail('more allocation sectors than the file holds');
  for (let i = 0; i < HEADER_DIFAT_ENTRIES && ids.length < declared; i++) {
    ids.push(bytes.readUInt32LE(0x4c + i * 4));
  }
  const perSector = sectorSize / 4 - 1;
  let next = bytes.readUInt32LE(0x44);
  const seen = new Set<number>();
  while (ids.length < declared && next < MAX_REGULAR_SECTOR) {
    if (next >= sectorCount || seen.has(next)) fail('broken DIFAT chain');
    seen.add(next);
    const difat = sector(bytes, sectorSize, next);
    for (let i = 0; i < perSector && ids.length < declared; i++) ids.push(difat.readUInt32LE(i * 4));
    next = difat.readUInt32LE(perSector * 4);
  }
  const parts = ids.map((id) => {
    if (id >= sectorCount) fail('allocation sector outside the file');
    return sector(bytes, sectorSize, id);
  });
  return toTable(Buffer.concat(parts));
}

/** Sector numbers of a chain; a chain that loops or leaves the table is an error. */
function followChain(table: Uint32Array, start: number, limit: number): number[] {
  const ids: number[] = [];
  const seen = new Uint8Array(Math.min(table.length, limit));
  for (let id = start; id < MAX_REGULAR_SECTOR; id = table[id] as number) {
    if (id >= seen.length) fail('sector chain leaves the file');
    if (seen[id] === 1) fail('sector chain loops');
    seen[id] = 1;
    ids.push(id);
  }
  return ids;
}

function readChain(bytes: Buffer, sectorSize: number, fat: Uint32Array, start: number): Buffer {
  const sectorCount = Math.ceil((bytes.length - sectorSize) / sectorSize);
  const ids = followChain(fat, start, sectorCount);
  return Buffer.concat(ids.map((id) => sector(bytes, sectorSize, id)));
}

function readDirectory(directory: Buffer, version4: boolean): DirectoryEntry[] {
  const count = Math.min(Math.floor(directory.length / DIRECTORY_ENTRY_BYTES), MAX_DIRECTORY_ENTRIES);
  const entries: DirectoryEntry[] = [];
  for (let i = 0; i < count; i++) {
    const e = directory.subarray(i * DIRECTORY_ENTRY_BYTES, (i + 1) * DIRECTORY_ENTRY_BYTES);
    const nameBytes = Math.min(e.readUInt16LE(0x40), 64);
    const high = version4 ? e.readUInt32LE(0x7c) : 0;
    entries.push({
      name: e.subarray(0, Math.max(0, nameBytes - 2)).toString('utf16le'),
      type: e.readUInt8(0x42),
      left: e.readUInt32LE(0x44),
      right: e.readUInt32LE(0x48),
      child: e.readUInt32LE(0x4c),
      start: e.readUInt32LE(0x74),
      size: e.readUInt32LE(0x78) + high * 2 ** 32,
    });
  }
  return entries;
}
