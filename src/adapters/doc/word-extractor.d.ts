/**
 * Types for the one internal module of `word-extractor` we build on: its Word 97 piece-table and
 * character-property logic. The package ships no types; these cover what extract-stories.ts uses.
 */
declare module 'word-extractor/lib/word-ole-extractor.js' {
  export interface Piece {
    startCp: number;
    endCp: number;
    text: string;
  }

  export interface TaggedHeader {
    type: 'headers' | 'footers' | 'footnoteSeparators' | 'endSeparators';
    text: string;
  }

  export default class WordOleExtractor {
    protected _pieces: Piece[];
    protected _boundaries: Record<string, number>;
    protected _taggedHeaders: TaggedHeader[];
    extractWordDocument(document: unknown, buffer: Buffer): Promise<unknown>;
    documentStream(document: unknown, streamName: string): Promise<NodeJS.ReadableStream>;
    buildDocument(): unknown;
  }
}
