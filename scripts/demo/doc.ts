/**
 * A Word 97-2003 .doc of our own text: a FIB, the main story in one UTF-16 piece, a piece table in
 * 1Table and a SummaryInformation property set (title, author), in an OLE container written by
 * the cfb package. The layout is the one of the minimal Word 97 file that
 * test/adapters/doc-read.test.ts builds for the .doc reader; paragraphs end with "\r" as in Word.
 */
import CFB from 'cfb';

const TEXT_AT = 0x800;

/** Windows-1252, the code page of the property set: latin1 plus a few typographic characters. */
function cp1252(text: string): Buffer {
  const extra: Record<string, number> = {
    '’': 0x92,
    '‘': 0x91,
    '“': 0x93,
    '”': 0x94,
    '–': 0x96,
    '—': 0x97,
    œ: 0x9c,
    Œ: 0x8c,
    '…': 0x85,
  };
  return Buffer.from(
    [...text].map(
      (ch) => extra[ch] ?? ((ch.codePointAt(0) ?? 0x3f) < 256 ? (ch.codePointAt(0) as number) : 0x3f),
    ),
  );
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

/** An OLE property set stream ([MS-OLEPS]) of 8-bit strings (Windows-1252 code page). */
function summaryInformation(props: [number, string][]): Buffer {
  const all: [number, Buffer][] = [
    [1, Buffer.concat([Buffer.from([2, 0, 0, 0]), Buffer.from([0xe4, 0x04, 0, 0])])], // codepage 1252
    ...props.map(([id, value]): [number, Buffer] => {
      const text = cp1252(`${value}\0`);
      const padded = Buffer.alloc(Math.ceil(text.length / 4) * 4);
      text.copy(padded);
      return [id, Buffer.concat([u32(0x1e), u32(text.length), padded])];
    }),
  ];
  let offset = 8 + all.length * 8;
  const index = all.map(([id, value]) => {
    const entry = Buffer.concat([u32(id), u32(offset)]);
    offset += value.length;
    return entry;
  });
  const body = Buffer.concat([...index, ...all.map(([, value]) => value)]);
  const set = Buffer.concat([u32(8 + body.length), u32(all.length), body]);
  const header = Buffer.alloc(48);
  header.writeUInt16LE(0xfffe, 0); // byte order
  header.writeUInt16LE(0x0002, 4); // OS version: Windows
  header.writeUInt32LE(1, 24); // one property set
  // FMTID_SummaryInformation {F29F85E0-4FF9-1068-AB91-08002B27B3D9}
  Buffer.from('e0859ff2f94f6810ab9108002b27b3d9', 'hex').copy(header, 28);
  header.writeUInt32LE(48, 44);
  return Buffer.concat([header, set]);
}

export function buildDoc(paragraphs: readonly string[], info: { title: string; author: string }): Buffer {
  const text = `${paragraphs.join('\r')}\r`;
  const unicode = Buffer.from(text, 'utf16le');
  const word = Buffer.alloc(Math.ceil((TEXT_AT + unicode.length) / 512) * 512 + 512);
  unicode.copy(word, TEXT_AT);
  word.writeUInt16LE(0xa5ec, 0); // Word 97 magic
  word.writeUInt16LE(0xc1, 2); // nFib
  word.writeUInt16LE(0x0200, 0x0a); // fWhichTblStm: 1Table
  word.writeUInt16LE(14, 0x20);
  word.writeUInt16LE(22, 0x3e);
  word.writeUInt32LE(word.length, 0x40);
  word.writeInt32LE(text.length, 0x4c); // ccpText
  word.writeUInt16LE(0x5d, 0x98);
  const plcPcd = Buffer.alloc(4 * 2 + 8);
  plcPcd.writeUInt32LE(0, 0);
  plcPcd.writeUInt32LE(text.length, 4);
  plcPcd.writeUInt32LE(TEXT_AT, 8 + 2);
  const clx = Buffer.concat([Buffer.from([0x02]), u32(plcPcd.length), plcPcd]);
  word.writeUInt32LE(0, 0x1a2); // fcClx
  word.writeUInt32LE(clx.length, 0x1a6); // lcbClx
  const container = CFB.utils.cfb_new();
  CFB.utils.cfb_add(container, '/WordDocument', word);
  CFB.utils.cfb_add(container, '/1Table', clx);
  CFB.utils.cfb_add(
    container,
    '/\u0005SummaryInformation',
    summaryInformation([
      [2, info.title],
      [4, info.author],
      [8, info.author],
      [18, 'Microsoft Office Word'],
    ]),
  );
  return Buffer.from(CFB.write(container, { type: 'buffer' }) as Uint8Array);
}
