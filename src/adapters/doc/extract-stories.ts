import { Readable } from 'node:stream';
import WordOleExtractor, { type Piece } from 'word-extractor/lib/word-ole-extractor.js';
import { type MarkedRun, markCharacters, readMarkedRuns } from './char-runs.js';
import { readFib } from './fib.js';

/**
 * The raw text of each story of a Word 97-2003 document, Word's control characters kept (paragraph
 * marks, cell marks, field delimiters, note references), so that doc-text.ts can count them by
 * DESIGN.md's rules, with the marks direct formatting puts on each character (char-runs.ts:
 * deleted, inserted, hidden).
 *
 * We use word-extractor for what it does well (the piece table) but not its public API: its
 * clean-up turns an optional hyphen into the letters "undefined", reads cell marks as tabs and
 * removes field codes without telling how many characters they held. Nor its reading of
 * character properties: it takes any sprm whose low five bits are 0 for a deletion, so text with
 * condensed or expanded spacing (sprmCDxaSpace, 0x8840) could vanish from the count, and it
 * knows neither insertions nor hidden text. The OLE container is read by compound-file.ts.
 */
export interface RawStory {
  text: string;
  /** Per character, the marks of char-runs.ts (DELETED, INSERTED, HIDDEN); null when none. */
  marks: Uint8Array | null;
}

export interface RawStories {
  body: RawStory;
  footnotes: RawStory;
  annotations: RawStory;
  endnotes: RawStory;
  textboxes: RawStory;
  /** Header and footer stories that hold more than marks and white space. */
  headersFooters: number;
}

class StoryExtractor extends WordOleExtractor {
  constructor(
    private readonly table: Buffer,
    private readonly runs: MarkedRun[],
  ) {
    super();
  }

  /** The table stream was taken from the container already; word-extractor asks for it by name. */
  override documentStream(): Promise<NodeJS.ReadableStream> {
    return Promise.resolve(Readable.from([this.table]));
  }

  /** Character properties are read by char-runs.ts instead (see above). */
  override writeCharacterProperties(): void {}

  override buildDocument(): RawStories {
    const b = this._boundaries;
    const pieces = this._pieces;
    const length = pieces[pieces.length - 1]?.endCp ?? 0;
    const marks = markCharacters(this.runs, pieces, length);
    let start = 0;
    const take = (count: number | undefined): RawStory => {
      const n = count ?? 0;
      const story: RawStory = {
        text: n > 0 ? textRange(pieces, start, start + n) : '',
        marks: marks === null ? null : marks.slice(start, start + n),
      };
      start += n;
      return story;
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
  const runs = readMarkedRuns(wordDocument, table, readFib(wordDocument).chpx);
  const extractor = new StoryExtractor(table, runs);
  return (await extractor.extractWordDocument(null, wordDocument)) as RawStories;
}
