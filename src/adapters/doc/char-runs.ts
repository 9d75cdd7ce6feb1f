import type { Located } from './fib.js';

/** What direct character formatting may say of a run of text. */
export const DELETED = 1;
export const INSERTED = 2;
export const HIDDEN = 4;

/** A run of text in the Word stream, in byte positions as the pages give them, and its marks. */
export interface MarkedRun {
  start: number;
  end: number;
  marks: number;
}

/** The part of word-extractor's piece we need: where its text lies in the Word stream. */
export interface TextPiece {
  startCp: number;
  startFilePos: number;
  /** Bytes in the Word stream: characters × bpc. */
  size: number;
  /** Bytes per character: 2 (UTF-16) or 1 (Windows-1252). */
  bpc: number;
}

const PAGE = 512;
/** [MS-DOC] ChpxFkp: crun is at most 0x65. */
const MAX_RUNS_PER_PAGE = 0x65;
/** sprmCFRMarkDel, sprmCFRMarkIns, sprmCFVanish ([MS-DOC] 2.6.1): one-byte toggle operands. */
const SPRM_MARKS = new Map([
  [0x0800, DELETED],
  [0x0801, INSERTED],
  [0x083c, HIDDEN],
]);

export class CharacterPropertiesError extends Error {}

/**
 * The runs of text that direct character formatting marks as a deleted or inserted revision or as
 * hidden: the Chpx of each ChpxFkp page listed by the PlcBteChpx ([MS-DOC] 2.8.6, 2.9.44). Hidden
 * formatting that comes from a style is not seen (styles are not read). A toggle operand 0x81
 * ("the opposite of the style") is taken as on, 0x80 ("as the style") as off: styles are seldom
 * hidden. Each page is read once, so an index naming one page many times costs nothing more.
 */
export function readMarkedRuns(wordDocument: Buffer, table: Buffer, plc: Located): MarkedRun[] {
  if (plc.length === 0) return [];
  const count = (plc.length - 4) / 8;
  if (!Number.isInteger(count) || count < 1 || plc.offset + plc.length > table.length) {
    throw new CharacterPropertiesError('the character property index is damaged');
  }
  const runs: MarkedRun[] = [];
  const seen = new Set<number>();
  for (let i = 0; i < count; i++) {
    const page = table.readUInt32LE(plc.offset + 4 * (count + 1) + 4 * i) & 0x3fffff;
    if (seen.has(page)) continue;
    seen.add(page);
    if ((page + 1) * PAGE > wordDocument.length) {
      throw new CharacterPropertiesError(`character property page ${page} is outside the file`);
    }
    readPage(wordDocument.subarray(page * PAGE, (page + 1) * PAGE), runs);
  }
  return runs;
}

function readPage(page: Buffer, runs: MarkedRun[]): void {
  const crun = page[PAGE - 1] as number;
  if (crun > MAX_RUNS_PER_PAGE) throw new CharacterPropertiesError('a character property page is damaged');
  for (let j = 0; j < crun; j++) {
    const at = (page[4 * (crun + 1) + j] as number) * 2;
    if (at === 0) continue; // no properties of its own
    const marks = sprmMarks(page, at);
    const start = page.readUInt32LE(4 * j);
    const end = page.readUInt32LE(4 * (j + 1));
    if (marks !== 0 && end > start) runs.push({ start, end, marks });
  }
}

/** The marks set by one Chpx: a byte count, then sprms, each a 16-bit code and its operand. */
function sprmMarks(page: Buffer, at: number): number {
  const end = Math.min(at + 1 + (page[at] as number), PAGE - 1);
  let marks = 0;
  let pos = at + 1;
  while (pos + 2 < end) {
    const sprm = page.readUInt16LE(pos);
    pos += 2;
    const mark = SPRM_MARKS.get(sprm);
    if (mark !== undefined && ((page[pos] as number) & 1) === 1) marks |= mark;
    pos += operandSize(sprm, page, pos);
  }
  return marks;
}

/** The operand's size, from the sprm's top three bits (spra, [MS-DOC] 2.2.5.1). */
function operandSize(sprm: number, page: Buffer, pos: number): number {
  switch (sprm >>> 13) {
    case 0:
    case 1:
      return 1;
    case 2:
    case 4:
    case 5:
      return 2;
    case 3:
      return 4;
    case 7:
      return 3;
    default:
      return 1 + (page[pos] ?? 0); // spra 6: a count byte, then that many bytes
  }
}

/**
 * The marks of every character position, or null when no run is marked. Runs are in byte
 * positions of the Word stream; each piece says which character positions its bytes hold.
 */
export function markCharacters(runs: MarkedRun[], pieces: TextPiece[], length: number): Uint8Array | null {
  if (runs.length === 0) return null;
  const marks = new Uint8Array(length);
  const sorted = [...runs].sort((a, b) => a.start - b.start);
  for (const piece of pieces) {
    const from = piece.startFilePos;
    const to = from + piece.size;
    for (let i = firstEndingAfter(sorted, from); i < sorted.length; i++) {
      const run = sorted[i] as MarkedRun;
      if (run.start >= to) break;
      const start = piece.startCp + Math.floor((Math.max(run.start, from) - from) / piece.bpc);
      const end = piece.startCp + Math.ceil((Math.min(run.end, to) - from) / piece.bpc);
      for (let cp = start; cp < Math.min(end, length); cp++) marks[cp] = (marks[cp] as number) | run.marks;
    }
  }
  return marks;
}

/** The first run that ends after `position` (runs do not overlap in a sound file). */
function firstEndingAfter(runs: MarkedRun[], position: number): number {
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((runs[mid] as MarkedRun).end <= position) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
