/**
 * Types for the one internal module of `word-extractor` we build on: its Word 97 piece-table
 * logic. The package ships no types; these cover what extract-stories.ts uses.
 */
declare module 'word-extractor/lib/word-ole-extractor.js' {
  export interface Piece {
    startCp: number;
    endCp: number;
    text: string;
    /** Where the piece's bytes start in the Word stream. */
    startFilePos: number;
    /** The piece's bytes in the Word stream. */
    size: number;
    /** Bytes per character: 2 (UTF-16) or 1 (8-bit). */
    bpc: number;
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
    writeCharacterProperties(buffer: Buffer, table: Buffer): void;
    buildDocument(): unknown;
  }
}
