import { AppError } from '../../domain/shared/errors.js';
import { docUnreadable } from './doc-errors.js';

/**
 * The parts of a Word 97-2003 File Information Block ([MS-DOC] 2.5.1) we check before handing
 * the streams to the text extractor: that it is a Word 97+ file, whether it is encrypted or a
 * template, which table stream it uses, and how long each story is.
 */
export interface Fib {
  nFib: number;
  template: boolean;
  encrypted: boolean;
  tableStream: '0Table' | '1Table';
  ccp: {
    text: number;
    footnotes: number;
    headers: number;
    annotations: number;
    endnotes: number;
    textboxes: number;
    headerTextboxes: number;
  };
  clx: Located;
  /** The document properties (Dop) in the table stream. */
  dop: Located;
  /** The character-property pages' index (PlcBteChpx) in the table stream. */
  chpx: Located;
}

/** Where a structure lies in the table stream (fc) and how many bytes it takes (lcb). */
export interface Located {
  offset: number;
  length: number;
}

const WORD_97_MAGIC = 0xa5ec;
/** Word 6 and Word 95 (0xA5DC), Word 2 (0xA59B): another format, which the extractor misreads. */
const OLD_MAGICS = new Set([0xa5dc, 0xa59b]);
const FIRST_WORD_97_NFIB = 0xc0;
/** FibBase, FibRgW97, FibRgLw97 and FibRgFcLcb97 up to fcClx/lcbClx. */
const MIN_FIB_BYTES = 0x1aa;
/** A story longer than this many characters is not a manuscript, whatever the file says. */
const MAX_STORY = 1 << 28;

const TOO_SHORT = () => docUnreadable('le fichier est tronqué', 'the file is cut short');
const DAMAGED = () => docUnreadable('la table du texte est endommagée', 'the text table is damaged');

export function readFib(wordDocument: Buffer): Fib {
  if (wordDocument.length < 0x0c) throw TOO_SHORT();
  const magic = wordDocument.readUInt16LE(0);
  const nFib = wordDocument.readUInt16LE(2);
  if (OLD_MAGICS.has(magic)) throw new AppError('DOC_TOO_OLD');
  if (magic !== WORD_97_MAGIC)
    throw docUnreadable('ce n’est pas un document Word', 'this is not a Word document');
  const flags = wordDocument.readUInt16LE(0x0a);
  // fEncrypted is bit 8 (byte 0x0B, bit 0); fObfuscated (bit 15) is only set with it.
  const encrypted = (flags & 0x0100) !== 0;
  if (encrypted) throw new AppError('ENCRYPTED');
  if (nFib < FIRST_WORD_97_NFIB) throw new AppError('DOC_TOO_OLD');
  if (wordDocument.length < MIN_FIB_BYTES) throw TOO_SHORT();
  const count = (at: number) => {
    const n = wordDocument.readInt32LE(at);
    if (n < 0 || n > MAX_STORY) throw DAMAGED();
    return n;
  };
  return {
    nFib,
    template: (flags & 0x0001) !== 0,
    encrypted,
    tableStream: (flags & 0x0200) !== 0 ? '1Table' : '0Table',
    ccp: {
      text: count(0x4c),
      footnotes: count(0x50),
      headers: count(0x54),
      annotations: count(0x5c),
      endnotes: count(0x60),
      textboxes: count(0x64),
      headerTextboxes: count(0x68),
    },
    clx: located(wordDocument, 0x1a2),
    dop: located(wordDocument, 0x192),
    chpx: located(wordDocument, 0xfa),
  };
}

/** An fc/lcb pair of FibRgFcLcb97. */
function located(wordDocument: Buffer, at: number): Located {
  return { offset: wordDocument.readUInt32LE(at), length: wordDocument.readUInt32LE(at + 4) };
}

/**
 * The piece table must lie in the table stream, its character positions must only grow, and the
 * text it describes must fit in the Word stream: otherwise a few bytes could ask the extractor
 * for gigabytes of text.
 */
export function checkPieceTable(fib: Fib, table: Buffer, wordDocument: Buffer): void {
  const { offset, length } = fib.clx;
  if (length === 0 || offset + length > table.length) throw DAMAGED();
  let pos = offset;
  // Property modifiers (clxt 1) come first, then the piece table itself (clxt 2).
  while (pos + 3 <= offset + length && table[pos] === 1) pos += 3 + table.readUInt16LE(pos + 1);
  if (table[pos] !== 2 || pos + 5 > table.length) throw DAMAGED();
  const size = table.readUInt32LE(pos + 1);
  const start = pos + 5;
  const pieces = (size - 4) / 12;
  if (!Number.isInteger(pieces) || pieces < 1 || start + size > table.length) {
    throw DAMAGED();
  }
  let previous = 0;
  for (let i = 0; i <= pieces; i++) {
    const cp = table.readUInt32LE(start + i * 4);
    if (cp < previous) throw DAMAGED();
    previous = cp;
  }
  const total = Object.values(fib.ccp).reduce((a, b) => a + b, 0);
  // Every character takes at least one byte of the Word stream.
  if (previous > wordDocument.length || total > previous + 1) {
    throw DAMAGED();
  }
}
