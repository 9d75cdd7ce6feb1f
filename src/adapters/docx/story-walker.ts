import type { ManuscriptFacts, ReaderNote, StoryKind } from '../../domain/manuscript/model.js';
import type { Tally } from '../../domain/manuscript/tally.js';
import type { Attributes, XmlHandler } from '../xml/tokenizer.js';
import { type Styles, toggleOn } from './styles.js';

export interface StoryWalkerOptions {
  tally: Tally;
  styles: Styles;
  facts: ManuscriptFacts;
  notes: ReaderNote[];
  languages: Map<string, number>;
  /** The story of this part: body for document.xml, footnote or endnote for the notes parts. */
  story: StoryKind;
  /** Only the main story has a raw length that Word stores (as CharactersWithSpaces + 1). */
  countRaw: boolean;
}

type TextMode = 'none' | 'visible' | 'deleted' | 'code';

const NOTE_SEPARATORS = new Set(['separator', 'continuationSeparator', 'continuationNotice']);
const ONE_CHAR: Readonly<Record<string, string>> = {
  'w:tab': '\t',
  'w:ptab': '\t',
  'w:cr': '\n',
  'w:noBreakHyphen': '\u2011',
};
const RAW_ONLY = new Set(['w:softHyphen', 'w:footnoteReference', 'w:endnoteReference', 'w:commentReference']);
const OPAQUE = new Set(['w:drawing', 'w:pict', 'w:object']);
const TRACKED = new Set(['w:ins', 'w:del', 'w:moveFrom', 'w:moveTo']);

/** Property containers and change records hold no text: their subtrees are never entered. */
function isSkipped(name: string): boolean {
  let skipped = SKIPPED.get(name);
  if (skipped === undefined) {
    skipped = skippedName(name);
    if (SKIPPED.size < 10_000) SKIPPED.set(name, skipped);
  }
  return skipped;
}

/** isSkipped's answers by element name (the names a story uses are few; a hostile file's are capped). */
const SKIPPED = new Map<string, boolean>();

function skippedName(name: string): boolean {
  if (name === 'mc:Fallback') return true;
  if (!name.startsWith('w:') || name === 'w:pPr' || name === 'w:rPr') return false;
  return name.endsWith('Pr') || name.endsWith('Change') || name === 'w:tblGrid' || name === 'w:tblPrEx';
}

/**
 * Walks one story part of a .docx (document.xml, footnotes.xml, endnotes.xml) and tells the tally
 * what Word would show and count. It also keeps Word's raw story length (see
 * shared/corpus/README.md) for the main story: every character Word stores, codes and all.
 */
export class StoryWalker implements XmlHandler {
  private depth = 0;
  private skipUntil = -1;
  private propertiesDepth = -1;
  private propertiesKind: 'paragraph' | 'run' = 'run';
  private opaque = 0;
  private deletedRegions = 0;
  private readonly fields: boolean[] = [];
  private readonly stories: StoryKind[];
  private textMode: TextMode = 'none';
  private paragraphHidden = false;
  private runHidden = false;
  private pendingStyle: string | undefined;
  private pendingOutline: number | undefined;
  private runVanish: boolean | undefined;
  private runStyleHidden: boolean | undefined;

  constructor(private readonly o: StoryWalkerOptions) {
    this.stories = [o.story];
  }

  /** Returns true for a subtree it has no use for, which the tokenizer then jumps over. */
  open(name: string, attributes: Attributes): boolean {
    this.depth++;
    if (this.skipUntil >= 0) return false;
    if (this.propertiesDepth >= 0) {
      this.readProperty(name, attributes);
      return false;
    }
    if (isSkipped(name) || this.isNoteSeparator(name, attributes)) {
      this.skipUntil = this.depth;
      return true;
    }
    this.openContent(name, attributes);
    return false;
  }

  close(name: string): void {
    const depth = this.depth--;
    if (this.skipUntil >= 0) {
      if (depth === this.skipUntil) this.skipUntil = -1;
      return;
    }
    if (this.propertiesDepth >= 0) {
      if (depth === this.propertiesDepth) this.closeProperties();
      return;
    }
    this.closeContent(name);
  }

  text(text: string): void {
    if (this.textMode === 'none') return;
    if (this.rawOn()) this.o.tally.raw(text.length);
    const mode = this.textMode === 'visible' ? this.visibility() : this.textMode;
    this.countAs(mode, text);
  }

  /** Only visible text is read for its characters; the rest (codes, deletions…) counts by length. */
  wantsLengthOnly(): boolean {
    return this.textMode !== 'visible' || this.visibility() !== 'visible';
  }

  /** text() for a piece that wantsLengthOnly() said is not visible. */
  textLength(length: number): void {
    if (this.textMode === 'none') return;
    if (this.rawOn()) this.o.tally.raw(length);
    const mode = this.textMode === 'visible' ? this.visibility() : this.textMode;
    this.countLength(mode, length);
  }

  private rawOn(): boolean {
    return this.o.countRaw && this.opaque === 0;
  }

  private isNoteSeparator(name: string, attributes: Attributes): boolean {
    return (
      (name === 'w:footnote' || name === 'w:endnote') && NOTE_SEPARATORS.has(attributes.get('w:type') ?? '')
    );
  }

  /** Where visible-looking text really goes: deleted, field code, hidden, or counted. */
  private visibility(): TextMode | 'hidden' {
    if (this.deletedRegions > 0) return 'deleted';
    if (this.fields.length > 0 && this.fields[this.fields.length - 1]) return 'code';
    if (this.runHidden) return 'hidden';
    return 'visible';
  }

  private countAs(mode: TextMode | 'hidden', text: string): void {
    if (mode === 'visible') this.o.tally.text(text);
    else this.countLength(mode, text.length);
  }

  /** What is not counted as text is only measured. */
  private countLength(mode: TextMode | 'hidden', length: number): void {
    const { tally } = this.o;
    if (mode === 'deleted') tally.deleted(length);
    else if (mode === 'code') tally.fieldCode(length);
    else if (mode === 'hidden') tally.hidden(length);
  }

  private oneChar(char: string): void {
    if (this.rawOn()) this.o.tally.raw(1);
    const mode = this.visibility();
    if (mode === 'visible') this.o.tally.mark(char);
    else this.countAs(mode, char);
  }

  private openContent(name: string, attributes: Attributes): void {
    const oneChar = ONE_CHAR[name];
    if (oneChar !== undefined) {
      this.oneChar(oneChar);
      return;
    }
    switch (name) {
      case 'w:t':
      case 'm:t':
        this.textMode = 'visible';
        return;
      case 'w:delText':
        this.textMode = 'deleted';
        return;
      case 'w:instrText':
      case 'w:delInstrText':
        this.textMode = 'code';
        return;
      case 'w:p':
        this.o.tally.beginParagraph(this.stories[this.stories.length - 1] ?? this.o.story);
        this.paragraphHidden = false;
        return;
      case 'w:pPr':
        this.enterProperties('paragraph');
        return;
      case 'w:r':
        this.runHidden = this.paragraphHidden;
        return;
      case 'w:rPr':
        this.enterProperties('run');
        return;
      case 'w:br':
        this.lineBreak(attributes.get('w:type'));
        return;
      case 'w:sym':
        this.oneChar(symbolChar(attributes.get('w:char')));
        return;
      case 'w:fldChar':
        this.fieldChar(attributes.get('w:fldCharType'));
        return;
      case 'w:fldSimple':
        this.simpleField(attributes.get('w:instr') ?? '');
        return;
      case 'w:txbxContent':
        this.stories.push('textbox');
        return;
      case 'w:altChunk':
        this.o.notes.push({ code: 'ALT_CHUNK', detail: 'imported content (altChunk) is not counted' });
        return;
    }
    if (RAW_ONLY.has(name)) {
      if (this.rawOn()) this.o.tally.raw(1);
    } else if (OPAQUE.has(name)) {
      if (this.rawOn()) this.o.tally.raw(1);
      this.opaque++;
    } else if (TRACKED.has(name)) {
      this.trackChange(name, true);
    }
  }

  private closeContent(name: string): void {
    switch (name) {
      case 'w:t':
      case 'm:t':
      case 'w:delText':
      case 'w:instrText':
      case 'w:delInstrText':
        this.textMode = 'none';
        return;
      case 'w:p':
        if (this.rawOn()) this.o.tally.raw(1);
        this.o.tally.endParagraph();
        return;
      case 'w:tr':
        if (this.rawOn()) this.o.tally.raw(1);
        return;
      case 'w:fldSimple':
        if (this.rawOn()) this.o.tally.raw(1);
        return;
      case 'w:txbxContent':
        this.stories.pop();
        return;
      case 'w:del':
      case 'w:moveFrom':
        this.deletedRegions--;
        return;
    }
    if (OPAQUE.has(name)) this.opaque--;
  }

  private trackChange(name: string, region: boolean): void {
    const changes = this.o.facts.trackedChanges;
    if (name === 'w:ins') changes.insertions++;
    else if (name === 'w:del') changes.deletions++;
    else changes.moves += name === 'w:moveFrom' ? 1 : 0;
    if (region && (name === 'w:del' || name === 'w:moveFrom')) this.deletedRegions++;
  }

  private lineBreak(type: string | undefined): void {
    if (type === 'page' || type === 'column') {
      if (this.rawOn()) this.o.tally.raw(1);
      return;
    }
    this.oneChar('\n');
  }

  private fieldChar(type: string | undefined): void {
    if (this.rawOn()) this.o.tally.raw(1);
    if (type === 'begin') this.fields.push(true);
    else if (type === 'separate' && this.fields.length > 0) this.fields[this.fields.length - 1] = false;
    else if (type === 'end') this.fields.pop();
  }

  private simpleField(instruction: string): void {
    if (this.rawOn()) this.o.tally.raw(2 + instruction.length);
    this.o.tally.fieldCode(instruction.length);
  }

  private enterProperties(kind: 'paragraph' | 'run'): void {
    this.propertiesDepth = this.depth;
    this.propertiesKind = kind;
    this.pendingStyle = undefined;
    this.pendingOutline = undefined;
    this.runVanish = undefined;
    this.runStyleHidden = undefined;
  }

  /**
   * Inside w:pPr or a run's w:rPr: only style, outline level, hiding and language matter. w:val is
   * read only on the elements that use it: reading it parses the element's attributes, and most of
   * what a run's properties hold (w:rFonts, w:sz, w:spacing…) is never needed.
   */
  private readProperty(name: string, attributes: Attributes): void {
    if (name === 'w:lang') {
      const value = attributes.get('w:val');
      if (value) this.o.languages.set(value, (this.o.languages.get(value) ?? 0) + 1);
    } else if (this.propertiesKind === 'paragraph') {
      if (name === 'w:pStyle') this.pendingStyle = attributes.get('w:val');
      else if (name === 'w:outlineLvl') {
        const value = attributes.get('w:val');
        if (value !== undefined) this.pendingOutline = Number(value);
      } else if (TRACKED.has(name)) this.trackChange(name, false);
    } else if (this.depth === this.propertiesDepth + 1) {
      if (name === 'w:vanish') this.runVanish = toggleOn(attributes.get('w:val'));
      else if (name === 'w:rStyle') this.runStyleHidden = this.o.styles.get(attributes.get('w:val'))?.hidden;
    }
  }

  private closeProperties(): void {
    this.propertiesDepth = -1;
    if (this.propertiesKind === 'paragraph') {
      const style = this.o.styles.get(this.pendingStyle);
      const outline = this.pendingOutline ?? style?.outlineLevel;
      const level = outline !== undefined && outline >= 0 && outline <= 8 ? outline + 1 : undefined;
      this.o.tally.styleParagraph(style?.name ?? this.pendingStyle, level);
      this.paragraphHidden = style?.hidden ?? false;
    } else {
      this.runHidden = this.runVanish ?? this.runStyleHidden ?? this.paragraphHidden;
    }
  }
}

/** w:sym stores a code point in hex (often in the Symbol font's private-use range). */
function symbolChar(hex: string | undefined): string {
  const code = hex ? Number.parseInt(hex, 16) : Number.NaN;
  return Number.isInteger(code) && code > 0 && code <= 0xffff ? String.fromCharCode(code) : '\uFFFD';
}
