import type { Counts, LeftOut, Paragraph, StoryKind } from './model.js';

/**
 * The one place where signes, words and paragraphs are counted. Readers walk their format and tell
 * the tally what they meet; the tally applies the counting rules of DESIGN.md ("Counting signes").
 * Paragraphs may nest (a text box's paragraphs sit inside a body paragraph), hence the stack.
 */
interface OpenParagraph {
  paragraph: Paragraph;
  parts: string[];
  inWord: boolean;
}

interface StoryFigures {
  signes: number;
  nonSpace: number;
  words: number;
  paragraphs: number;
}

/*
 * needsNfc, inlined in Tally.measure: NFC might change a text holding any character from U+0300 up,
 * except U+2002–U+206F. Below U+0300 nothing composes or decomposes; U+2002–U+206F (the spaces,
 * dashes, quotes and ellipsis of French typography: U+202F, U+2019, U+2026…) hold no combining
 * mark, nothing that composes with what precedes or follows it and no singleton decomposition
 * (only U+2000 and U+2001, left out, have one): checked pair by pair against normalize(). Anything
 * else goes through normalize(), as every text did through a regular expression before.
 */

function blank(): StoryFigures {
  return { signes: 0, nonSpace: 0, words: 0, paragraphs: 0 };
}

/** Code points of an NFC string (a surrogate pair is one character, as in Word's dialog). */
export function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) n--;
  }
  return n;
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x202f || c === 0x2007 || c === 0x3000;
}

/** Below U+0300, where nearly all of a text's characters are: 1 for a space (isSpace), else 0. */
const BELOW_NFC_SPACE = new Uint8Array(0x300).map((_, c) => (isSpace(c) ? 1 : 0));

export class Tally {
  private readonly stack: OpenParagraph[] = [];
  private readonly figures: Record<StoryKind, StoryFigures> = {
    body: blank(),
    footnote: blank(),
    endnote: blank(),
    textbox: blank(),
  };
  private readonly paragraphs: Paragraph[] = [];
  private readonly excluded: LeftOut = {
    fieldCodeChars: 0,
    deletedChars: 0,
    hiddenChars: 0,
    paragraphMarks: 0,
    headersFooters: false,
    subdocChars: 0,
  };
  private rawLength = 0;

  constructor(private readonly keepText = true) {}

  beginParagraph(story: StoryKind): void {
    this.stack.push({ paragraph: { story, text: '' }, parts: [], inWord: false });
  }

  /** Style and heading level, known once the paragraph's properties have been read. */
  styleParagraph(style: string | undefined, headingLevel: number | undefined): void {
    const open = this.stack[this.stack.length - 1];
    if (!open) return;
    if (style !== undefined) open.paragraph.style = style;
    if (headingLevel !== undefined) open.paragraph.headingLevel = headingLevel;
  }

  endParagraph(): void {
    const open = this.stack.pop();
    if (!open) return;
    const { paragraph } = open;
    // Only the main story's marks: they are what Word's stored figure counts on top of ours.
    if (paragraph.story === 'body') this.excluded.paragraphMarks++;
    if (this.keepText) paragraph.text = open.parts.join('');
    if (open.parts.length > 0) this.figures[paragraph.story].paragraphs++;
    this.paragraphs.push(paragraph);
  }

  /** Visible text: every code point counts after NFC, spaces and no-break spaces included. */
  text(raw: string): void {
    const open = this.stack[this.stack.length - 1];
    if (!open || raw.length === 0) return;
    if (this.measure(open, raw, true)) {
      open.parts.push(raw);
    } else {
      const s = raw.normalize('NFC');
      this.measure(open, s, false);
      open.parts.push(s);
    }
  }

  /**
   * Counts signes, non-space characters and words of `s` into the open paragraph's story. With
   * checkNfc, it first makes sure NFC cannot change `s` (see needsNfc, checked in the same loop)
   * and returns false, counting nothing, when it might.
   */
  private measure(open: OpenParagraph, s: string, checkNfc: boolean): boolean {
    let inWord = open.inWord;
    let nonSpace = 0;
    let words = 0;
    let lowSurrogates = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      // Below U+0300 (no NFC change, no surrogate) one table lookup says space or not.
      if (c < 0x300) {
        if (BELOW_NFC_SPACE[c] === 1) {
          inWord = false;
        } else {
          nonSpace++;
          if (!inWord) {
            words++;
            inWord = true;
          }
        }
        continue;
      }
      if (checkNfc && (c < 0x2002 || c > 0x206f)) return false;
      if (c >= 0xdc00 && c <= 0xdfff) {
        lowSurrogates++;
        continue;
      }
      if (isSpace(c)) {
        inWord = false;
      } else {
        nonSpace++;
        if (!inWord) {
          words++;
          inWord = true;
        }
      }
    }
    const figures = this.figures[open.paragraph.story];
    open.inWord = inWord;
    figures.signes += s.length - lowSurrogates; // codePoints(s), counted in the same loop
    figures.nonSpace += nonSpace;
    figures.words += words;
    return true;
  }

  /** A visible character that is not text: tab, line break, symbol, no-break hyphen. */
  mark(char: string): void {
    const open = this.stack[this.stack.length - 1];
    if (!open) return;
    const figures = this.figures[open.paragraph.story];
    figures.signes++;
    if (char === '\t' || char === '\n') open.inWord = false;
    else figures.nonSpace++;
    open.parts.push(char);
  }

  fieldCode(chars: number): void {
    this.excluded.fieldCodeChars += chars;
  }

  deleted(chars: number): void {
    this.excluded.deletedChars += chars;
  }

  hidden(chars: number): void {
    this.excluded.hiddenChars += chars;
  }

  headersFooters(present: boolean): void {
    this.excluded.headersFooters = present;
  }

  /** Word's raw story length of the main story (docx only); the reader decides what adds to it. */
  raw(n: number): void {
    this.rawLength += n;
  }

  currentStory(): StoryKind | undefined {
    return this.stack[this.stack.length - 1]?.paragraph.story;
  }

  finish(options: { subdocsIncluded: boolean; hasRawLength: boolean; approximate?: boolean }): {
    counts: Counts;
    paragraphs: Paragraph[];
  } {
    while (this.stack.length > 0) this.endParagraph();
    const { body, footnote, endnote, textbox } = this.figures;
    const notes = footnote.signes + endnote.signes;
    const sub = options.subdocsIncluded;
    const included = sub ? [body, footnote, endnote, textbox] : [body];
    const sum = (key: keyof StoryFigures) => included.reduce((n, f) => n + f[key], 0);
    if (!sub) this.excluded.subdocChars = notes + textbox.signes;
    const counts: Counts = {
      signes: { body: body.signes, notes, textboxes: textbox.signes, total: sum('signes') },
      signesWithoutSpaces: sum('nonSpace'),
      words: sum('words'),
      paragraphs: sum('paragraphs'),
      rawStoryLength: options.hasRawLength ? this.rawLength : null,
      subdocsIncluded: sub,
      leftOut: this.excluded,
      approximate: options.approximate ?? false,
    };
    return { counts, paragraphs: this.paragraphs };
  }
}
