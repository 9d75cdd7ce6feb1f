import { Readable } from 'node:stream';
import WordOleExtractor, { type Piece } from 'word-extractor/lib/word-ole-extractor.js';

/**
 * The raw text of each story of a Word 97-2003 document, Word's control characters kept (paragraph
 * marks, cell marks, field delimiters, note references), so that doc-text.ts can count them by
 * DESIGN.md's rules. Deleted text (tracked changes) arrives as U+0000, as word-extractor marks it.
 *
 * We use word-extractor for what it does well (the piece table and the deletion marks) but not
 * its public API: its clean-up turns an optional hyphen into the letters "undefined", reads
 * cell marks as tabs and removes field codes without telling how many characters they held.
 * The OLE container is read by compound-file.ts, not by word-extractor's own OLE reader.
 */
export interface RawStories {
  body: string;
  footnotes: string;
  annotations: string;
  endnotes: string;
  textboxes: string;
  /** Header and footer stories that hold more than marks and white space. */
  headersFooters: number;
}

class StoryExtractor extends WordOleExtractor {
  constructor(private readonly table: Buffer) {
    super();
  }

  /** The table stream was taken from the container already; word-extractor asks for it by name. */
  override documentStream(): Promise<NodeJS.ReadableStream> {
    return Promise.resolve(Readable.from([this.table]));
  }

  override buildDocument(): RawStories {
    const b = this._boundaries;
    let start = 0;
    const take = (length: number | undefined): string => {
      const n = length ?? 0;
      const text = n > 0 ? textRange(this._pieces, start, start + n) : '';
      start += n;
      return text;
    };
    const body = take(b.ccpText);
    const footnotes = take(b.ccpFtn);
    take(b.ccpHdd);
    const annotations = take(b.ccpAtn);
    const endnotes = take(b.ccpEdn);
    const textboxes = take(b.ccpTxbx);
    const headersFooters = this._taggedHeaders.filter(
      (h) => (h.type === 'headers' || h.type === 'footers') && /[^\s\u0000-\u0008]/.test(h.text),
    ).length;
    return { body, footnotes, annotations, endnotes, textboxes, headersFooters };
  }
}

/** The text between two character positions, across pieces. */
function textRange(pieces: Piece[], start: number, end: number): string {
  const parts: string[] = [];
  for (const piece of pieces) {
    if (piece.endCp <= start || piece.startCp >= end) continue;
    parts.push(
      piece.text.slice(Math.max(start - piece.startCp, 0), Math.min(end, piece.endCp) - piece.startCp),
    );
  }
  return parts.join('');
}

export async function extractStories(wordDocument: Buffer, table: Buffer): Promise<RawStories> {
  const extractor = new StoryExtractor(table);
  return (await extractor.extractWordDocument(null, wordDocument)) as RawStories;
}
