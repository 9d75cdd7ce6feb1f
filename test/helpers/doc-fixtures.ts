import CFB from 'cfb';
import { readDoc } from '../../src/adapters/doc/read-doc.js';
import { Deadline } from '../../src/adapters/shared/deadline.js';
import { DEFAULT_LIMITS, type ReaderLimits } from '../../src/domain/manuscript/limits.js';
import type { Manuscript } from '../../src/domain/manuscript/model.js';

/**
 * A minimal Word 97 file built here: a FIB, the text in one or two pieces, a piece table in
 * 1Table, optional character properties (runs marked deleted, inserted, hidden…), document
 * properties and property sets, in an OLE container written by the cfb package. Story texts
 * carry Word's control characters.
 */
export interface DocFixture {
  body: string;
  footnotes?: string;
  endnotes?: string;
  textboxes?: string;
  /** Store the second half of the text as an 8-bit (Windows-1252) piece. */
  mixedPieces?: boolean;
  /** Runs of text, in character positions [from, to), with the sprms of their Chpx. */
  runs?: MarkedRun[];
  /** The Dop, or the first bytes of it (stored in 1Table). */
  dop?: Buffer;
  fib?: { magic?: number; nFib?: number; flagsOr?: number };
  streams?: Record<string, Buffer>;
  omitTable?: boolean;
}

export interface MarkedRun {
  from: number;
  to: number;
  grpprl: Buffer;
}

export const TEXT_AT = 0x800;

/** sprmCFRMarkDel, sprmCFRMarkIns, sprmCFVanish with their one-byte operand. */
export const SPRM = {
  deleted: (operand = 1) => sprm(0x0800, operand),
  inserted: (operand = 1) => sprm(0x0801, operand),
  hidden: (operand = 1) => sprm(0x083c, operand),
};

export function sprm(code: number, operand: number): Buffer {
  return Buffer.from([code & 0xff, code >> 8, operand]);
}

export function makeDoc(f: DocFixture): Buffer {
  const subdocs = (f.footnotes ?? '') + (f.endnotes ?? '') + (f.textboxes ?? '');
  // Order of the stories in character positions: text, notes, headers, comments, endnotes, boxes.
  const all = f.body + (f.footnotes ?? '') + (f.endnotes ?? '') + (f.textboxes ?? '') + (subdocs ? '\r' : '');
  const split = f.mixedPieces ? Math.floor(all.length / 2) : all.length;
  const unicode = Buffer.from(all.slice(0, split), 'utf16le');
  const eightBit = Buffer.from(all.slice(split), 'latin1');
  // The character-property page (when there is one) comes in the 512-byte page after the text.
  const fkpPage = Math.ceil((TEXT_AT + unicode.length + eightBit.length) / 512);
  const word = Buffer.alloc(fkpPage * 512 + 512);
  unicode.copy(word, TEXT_AT);
  eightBit.copy(word, TEXT_AT + unicode.length);
  word.writeUInt16LE(f.fib?.magic ?? 0xa5ec, 0);
  word.writeUInt16LE(f.fib?.nFib ?? 0xc1, 2);
  word.writeUInt16LE(0x0200 | (f.fib?.flagsOr ?? 0), 0x0a); // fWhichTblStm: 1Table
  word.writeUInt16LE(14, 0x20);
  word.writeUInt16LE(22, 0x3e);
  word.writeUInt32LE(word.length, 0x40);
  word.writeInt32LE(f.body.length, 0x4c);
  word.writeInt32LE((f.footnotes ?? '').length, 0x50);
  word.writeInt32LE((f.endnotes ?? '').length, 0x60);
  word.writeInt32LE((f.textboxes ?? '').length, 0x64);
  word.writeUInt16LE(0x5d, 0x98);

  const pieces: [number, number, number][] = [[0, split, TEXT_AT]];
  if (split < all.length) pieces.push([split, all.length, ((TEXT_AT + unicode.length) * 2) | 0x40000000]);
  const plcPcd = Buffer.alloc(4 * (pieces.length + 1) + 8 * pieces.length);
  pieces.forEach(([start, end, fc], i) => {
    plcPcd.writeUInt32LE(start, i * 4);
    plcPcd.writeUInt32LE(end, (i + 1) * 4);
    plcPcd.writeUInt32LE(fc >>> 0, 4 * (pieces.length + 1) + i * 8 + 2);
  });
  const clx = Buffer.concat([Buffer.from([0x02]), u32(plcPcd.length), plcPcd]);
  let table: Buffer = clx;
  word.writeUInt32LE(0, 0x1a2);
  word.writeUInt32LE(clx.length, 0x1a6);
  // Byte position of a character: two bytes each in the first piece, one in the second.
  const fc = (cp: number) => (cp < split ? TEXT_AT + cp * 2 : TEXT_AT + unicode.length + (cp - split));
  if (f.runs) table = addCharacterRuns(word, table, f.runs, fc, fkpPage);
  if (f.dop) {
    word.writeUInt32LE(table.length, 0x192);
    word.writeUInt32LE(f.dop.length, 0x196);
    table = Buffer.concat([table, f.dop]);
  }
  const streams: Record<string, Buffer> = { '/WordDocument': word, ...f.streams };
  if (!f.omitTable) streams['/1Table'] = table;
  return compound(streams);
}

/**
 * One character-property page (ChpxFkp) holding the runs, and unformatted runs between them,
 * with its index (PlcBteChpx) in the table stream.
 */
function addCharacterRuns(
  word: Buffer,
  table: Buffer,
  runs: MarkedRun[],
  fc: (cp: number) => number,
  fkpPage: number,
): Buffer {
  const page = Buffer.alloc(512);
  const bounds: number[] = [];
  const offsets: number[] = [];
  let chpxAt = 0x100;
  for (const run of [...runs].sort((a, b) => a.from - b.from)) {
    if (bounds.length > 0 && bounds[bounds.length - 1] !== fc(run.from)) {
      offsets.push(0); // a run with no properties of its own up to this one
      bounds.push(fc(run.from));
    }
    if (bounds.length === 0) bounds.push(fc(run.from));
    page[chpxAt] = run.grpprl.length;
    run.grpprl.copy(page, chpxAt + 1);
    offsets.push(chpxAt / 2);
    chpxAt += Math.ceil((run.grpprl.length + 1) / 2) * 2;
    bounds.push(fc(run.to));
  }
  for (const [i, b] of bounds.entries()) page.writeUInt32LE(b, i * 4);
  for (const [j, o] of offsets.entries()) page[4 * bounds.length + j] = o;
  page[511] = offsets.length;
  page.copy(word, fkpPage * 512);
  const plcBte = Buffer.concat([
    u32(bounds[0] as number),
    u32(bounds[bounds.length - 1] as number),
    u32(fkpPage),
  ]);
  word.writeUInt32LE(table.length, 0xfa);
  word.writeUInt32LE(plcBte.length, 0xfe);
  return Buffer.concat([table, plcBte]);
}

/** A Dop of `length` bytes whose "include notes in the word count" bit is `include`. */
export function dop(include: boolean, length = 500): Buffer {
  const out = Buffer.alloc(length);
  if (include) out.writeUInt16LE(0x8000, 54);
  return out;
}

export function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

export function compound(streams: Record<string, Buffer>): Buffer {
  const container = CFB.utils.cfb_new();
  for (const [path, data] of Object.entries(streams)) CFB.utils.cfb_add(container, path, data);
  return Buffer.from(CFB.write(container, { type: 'buffer' }) as Uint8Array);
}

/** One stream of a compound file, by path ('/WordDocument', '/1Table'). */
export function streamOf(bytes: Buffer, path: string): Buffer {
  return Buffer.from(CFB.find(CFB.read(bytes, { type: 'buffer' }), path)?.content as Uint8Array);
}

type Prop = [number, 'i2' | 'i4' | 'str', number | string];

/** An OLE property set stream ([MS-OLEPS]) with one set of the given properties. */
export function propertySet(props: Prop[]): Buffer {
  const values = props.map(([, type, value]) => {
    if (type === 'str') {
      const text = Buffer.from(`${value}\0`, 'latin1');
      const padded = Buffer.alloc(Math.ceil(text.length / 4) * 4);
      text.copy(padded);
      return Buffer.concat([u32(0x1e), u32(text.length), padded]);
    }
    const v = Buffer.alloc(8);
    v.writeUInt16LE(type === 'i2' ? 2 : 3, 0);
    if (type === 'i2') v.writeInt16LE(value as number, 4);
    else v.writeInt32LE(value as number, 4);
    return v;
  });
  let offset = 8 + props.length * 8;
  const index = props.map(([id], i) => {
    const entry = Buffer.concat([u32(id), u32(offset)]);
    offset += (values[i] as Buffer).length;
    return entry;
  });
  const body = Buffer.concat([...index, ...values]);
  const set = Buffer.concat([u32(8 + body.length), u32(props.length), body]);
  const header = Buffer.alloc(48);
  header.writeUInt16LE(0xfffe, 0);
  header.writeUInt32LE(1, 24);
  header.writeUInt32LE(48, 44);
  return Buffer.concat([header, set]);
}

export async function readDocFixture(bytes: Buffer, limits: Partial<ReaderLimits> = {}): Promise<Manuscript> {
  const all = { ...DEFAULT_LIMITS, ...limits };
  return readDoc(bytes, { limits: all, deadline: new Deadline(all.maxMilliseconds) });
}
