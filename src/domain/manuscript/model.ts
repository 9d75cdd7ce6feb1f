/**
 * The manuscript model: what a reader (docx, odt, doc) makes of a file. Plain data, no I/O.
 * Readers fill it through a Tally (tally.ts) so that every counting rule lives in one place.
 */

/** What the file is, recognised by its content (never by its name). */
export type FileKind =
  | 'docx'
  | 'docm'
  | 'dotx'
  | 'dotm'
  | 'odt'
  | 'doc'
  | 'pdf'
  | 'rtf'
  | 'image'
  | 'zip'
  | 'ooxml-other'
  | 'opendocument-other'
  | 'ole-other'
  | 'encrypted-office'
  | 'html'
  | 'text'
  | 'empty'
  | 'unknown';

/** The Word formats we read; .docm/.dotx/.dotm are read like .docx and flagged. */
export type ManuscriptFormat = 'docx' | 'docm' | 'dotx' | 'dotm' | 'odt' | 'doc';

/** Where a paragraph lives. Headers, footers and comments are never counted and never listed. */
export type StoryKind = 'body' | 'footnote' | 'endnote' | 'textbox';

export interface Paragraph {
  story: StoryKind;
  /** The style's display name as the file gives it (e.g. "heading 1", "Titre 1"), if any. */
  style?: string;
  /** 1–9 for headings (from the style's outline level or name), absent for body text. */
  headingLevel?: number;
  /** The visible text, NFC; tabs as \t, line breaks as \n. */
  text: string;
}

export interface Signes {
  body: number;
  notes: number;
  textboxes: number;
  /** body + (notes + textboxes when subdocsIncluded). */
  total: number;
}

/** Characters that exist in the file but are not counted, so that we can explain our figure. */
export interface LeftOut {
  /** Field codes (w:instrText, fldSimple instructions): e.g. Zotero citations. */
  fieldCodeChars: number;
  /** Deleted text in pending tracked changes (w:del, w:moveFrom). */
  deletedChars: number;
  /** Text formatted as hidden. */
  hiddenChars: number;
  /** Paragraph marks (and table-cell marks) of the main story. */
  paragraphMarks: number;
  /** Headers and footers exist in the file (their text is never counted). */
  headersFooters: boolean;
  /** Notes and text boxes left out because the file asks Word not to count them. */
  subdocChars: number;
}

export interface Counts {
  signes: Signes;
  /** Characters without spaces, same stories as signes.total. */
  signesWithoutSpaces: number;
  words: number;
  /** Non-empty paragraphs in the counted stories (Word's "Paragraphs"). */
  paragraphs: number;
  /**
   * Word's internal length of the main story (see shared/corpus/README.md): Word stores this
   * minus one as CharactersWithSpaces. Null for formats where it has no meaning.
   */
  rawStoryLength: number | null;
  /** Whether notes and text boxes count (Word's "include text boxes, footnotes and endnotes"). */
  subdocsIncluded: boolean;
  leftOut: LeftOut;
  /** True when the count is an estimate (.doc): never reject on it alone. */
  approximate: boolean;
}

/** The figures the producing program wrote into the file (docProps/app.xml, meta.xml). */
export interface StoredStatistics {
  charactersWithSpaces: number | null;
  characters: number | null;
  words: number | null;
  paragraphs: number | null;
  pages: number | null;
  application: string | null;
  appVersion: string | null;
}

export interface CoreProperties {
  creator: string | null;
  lastModifiedBy: string | null;
  title: string | null;
}

export interface ManuscriptFacts {
  stored: StoredStatistics | null;
  core: CoreProperties;
  comments: number;
  /** Pending tracked changes: insertions, deletions, moves. */
  trackedChanges: { insertions: number; deletions: number; moves: number };
  hiddenText: boolean;
  macros: boolean;
  /** Relationships pointing outside the file (links, linked images, remote templates). */
  externalRelationships: number;
  embeddedObjects: number;
  images: number;
  headersFooters: number;
  /** Languages declared in the file (w:lang, fo:language), most used first. */
  languages: string[];
  /** Template or macro-enabled flavour of the format, when it is not a plain .docx. */
  flavour: 'template' | 'macro-enabled' | 'macro-enabled-template' | null;
}

/** A reader's remark about something it ignored or could not read (mammoth's "messages"). */
export interface ReaderNote {
  code: string;
  detail: string;
}

export interface Manuscript {
  format: ManuscriptFormat;
  counts: Counts;
  paragraphs: Paragraph[];
  facts: ManuscriptFacts;
  notes: ReaderNote[];
}

export function emptyFacts(): ManuscriptFacts {
  return {
    stored: null,
    core: { creator: null, lastModifiedBy: null, title: null },
    comments: 0,
    trackedChanges: { insertions: 0, deletions: 0, moves: 0 },
    hiddenText: false,
    macros: false,
    externalRelationships: 0,
    embeddedObjects: 0,
    images: 0,
    headersFooters: 0,
    languages: [],
    flavour: null,
  };
}
