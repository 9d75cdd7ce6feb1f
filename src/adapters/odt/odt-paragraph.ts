import { codePoints, type Tally } from '../../domain/manuscript/tally.js';

interface Piece {
  text: string;
  /** A tab or a line break: counted as one, never a word. */
  mark: boolean;
  language: string | undefined;
}

/**
 * One text:p or text:h being read. Its content is held until the paragraph ends because a
 * text:hidden-paragraph field inside it may hide the whole paragraph after the fact.
 *
 * White space follows LibreOffice's import (XMLTextImportHelper::InsertString): tabs and
 * newlines in the XML are spaces, a space after a space is dropped, and so is white space at
 * the start of the paragraph; text:s, text:tab and text:line-break are kept as written.
 */
export class OdtParagraph {
  hidden = false;
  private readonly pieces: Piece[] = [];
  private ignoreSpace = true;

  text(raw: string, language: string | undefined): void {
    const text = this.collapse(raw);
    if (text.length > 0) this.pieces.push({ text, mark: false, language });
  }

  spaces(count: number, language: string | undefined): void {
    this.pieces.push({ text: ' '.repeat(count), mark: false, language });
    this.ignoreSpace = false;
  }

  mark(char: '\t' | '\n'): void {
    this.pieces.push({ text: char, mark: true, language: undefined });
    this.ignoreSpace = false;
  }

  /** Hands the paragraph to the tally (or to its hidden count) and closes it there. */
  finish(tally: Tally, languages: Map<string, number>): void {
    if (this.hidden) {
      let chars = 0;
      for (const piece of this.pieces) chars += codePoints(piece.text);
      if (chars > 0) tally.hidden(chars);
    } else {
      for (const piece of this.pieces) {
        if (piece.mark) {
          tally.mark(piece.text);
          continue;
        }
        tally.text(piece.text);
        if (piece.language !== undefined) {
          languages.set(piece.language, (languages.get(piece.language) ?? 0) + piece.text.length);
        }
      }
    }
    tally.endParagraph();
  }

  private collapse(raw: string): string {
    const simple = !/[\t\n\r]| {2}/.test(raw) && !(this.ignoreSpace && raw.charCodeAt(0) === 32);
    if (simple) {
      if (raw.length > 0) this.ignoreSpace = raw.charCodeAt(raw.length - 1) === 32;
      return raw;
    }
    let out = '';
    let ignore = this.ignoreSpace;
    let from = 0;
    for (let i = 0; i < raw.length; i++) {
      const c = raw.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) {
        ignore = false;
        continue;
      }
      out += raw.slice(from, i);
      from = i + 1;
      if (!ignore) out += ' ';
      ignore = true;
    }
    this.ignoreSpace = ignore;
    return out + raw.slice(from);
  }
}
