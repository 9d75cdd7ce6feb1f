import type { ManuscriptFacts, StoryKind } from '../../domain/manuscript/model.js';
import { codePoints, type Tally } from '../../domain/manuscript/tally.js';
import { AppError } from '../../domain/shared/errors.js';
import type { Attributes, XmlHandler } from '../xml/tokenizer.js';
import { OdtParagraph } from './odt-paragraph.js';
import { type OdtStyles, StyleCollector } from './odt-styles.js';

/**
 * Walks content.xml and tells the tally what a reader of the document sees. Regions that are
 * not counted open a zone: 'skip' (note citations, comments, list labels, alt text, pictures,
 * script fields), 'changes' (the tracked-changes log: what it deleted goes to tally.deleted),
 * 'hidden' (hidden sections and styles, fields displayed as none).
 * A zone ends with the element that opened it; inside a zone nothing opens a paragraph.
 */
type Mode = 'count' | 'skip' | 'changes' | 'deleted' | 'hidden';

interface Zone {
  depth: number;
  mode: Mode;
}

interface Marker<T> {
  depth: number;
  value: T;
}

/** Elements whose content is never text the reader counts (ODF 1.2 §6.1.1 and LibreOffice). */
const SKIPPED = new Set([
  'text:note-citation',
  'text:number',
  'text:ruby-text',
  'svg:title',
  'svg:desc',
  'office:binary-data',
  'office:forms',
  'office:scripts',
  'office:event-listeners',
  'text:tracked-changes',
  'office:annotation',
  'draw:image',
  'draw:object',
  'draw:object-ole',
  // A script field shows nothing (LibreOffice's SwScriptField expands to an empty string): its
  // content is the script's source.
  'text:script',
]);

/**
 * Fields whose text:display="none" hides them. Every other field's content is the text it
 * displays (its presentation, as LibreOffice writes it), which counts like any text. LibreOffice
 * reads display="none" on these four only (xmloff txtvfldi.cxx: bVisible, database display) and
 * expands a hidden field to an empty string (SwSetExpField, SwUserField, SwDBField).
 */
const HIDEABLE_FIELDS = new Set([
  'text:variable-set',
  'text:variable-input',
  'text:user-field-get',
  'text:database-display',
]);

const EXTERNAL = /^(https?|ftp):/i;
const LINKING = new Set(['text:a', 'draw:a', 'draw:image', 'draw:object', 'text:section-source']);

export interface ContentFigures {
  comments: number;
  insertions: number;
  deletions: number;
  images: number;
  embeddedObjects: number;
  externalLinks: number;
  hiddenSeen: boolean;
  /** Characters counted per language (fo:language-fo:country), for "most used first". */
  languages: Map<string, number>;
}

export class ContentReader implements XmlHandler {
  readonly figures: ContentFigures = {
    comments: 0,
    insertions: 0,
    deletions: 0,
    images: 0,
    embeddedObjects: 0,
    externalLinks: 0,
    hiddenSeen: false,
    languages: new Map(),
  };
  private depth = 0;
  private readonly zones: Zone[] = [];
  private readonly stories: Marker<StoryKind>[] = [];
  private readonly languages: Marker<string | undefined>[] = [];
  private readonly paragraphs: Marker<OdtParagraph>[] = [];
  private readonly frames: Marker<boolean>[] = [];
  private readonly collector: StyleCollector;
  private stylesDepth = -1;
  private spaceBudget: number;

  constructor(
    private readonly tally: Tally,
    private readonly styles: OdtStyles,
    private readonly maxSpaces: number,
  ) {
    this.collector = new StyleCollector(styles, true);
    this.spaceBudget = maxSpaces;
  }

  private get mode(): Mode {
    return this.zones[this.zones.length - 1]?.mode ?? 'count';
  }

  open(name: string, attributes: Attributes): void {
    this.depth++;
    if (this.stylesDepth >= 0) {
      this.collector.open(name, attributes);
      return;
    }
    if (LINKING.has(name) && EXTERNAL.test(attributes.get('xlink:href') ?? '')) this.figures.externalLinks++;
    const mode = this.mode;
    if (mode === 'count' || mode === 'hidden') this.openVisible(name, attributes, mode);
    else if (mode === 'changes') this.openChange(name);
    else if (mode === 'deleted') this.openDeleted(name);
  }

  close(name: string): void {
    if (this.depth === this.stylesDepth) this.stylesDepth = -1;
    else if (this.stylesDepth >= 0) this.collector.close(name);
    const depth = this.depth;
    if (this.zones[this.zones.length - 1]?.depth === depth) this.zones.pop();
    if (this.stories[this.stories.length - 1]?.depth === depth) this.stories.pop();
    if (this.languages[this.languages.length - 1]?.depth === depth) this.languages.pop();
    if (this.frames[this.frames.length - 1]?.depth === depth) this.frames.pop();
    const paragraph = this.paragraphs[this.paragraphs.length - 1];
    if (paragraph?.depth === depth) {
      this.paragraphs.pop();
      paragraph.value.finish(this.tally, this.figures.languages);
      if (paragraph.value.hidden) this.figures.hiddenSeen = true;
    }
    this.depth--;
  }

  text(text: string): void {
    const mode = this.mode;
    if (mode === 'count') this.currentParagraph()?.text(text, this.language());
    else if (mode === 'deleted') this.tally.deleted(codePoints(collapse(text)));
    else if (mode === 'hidden') this.hide(codePoints(collapse(text)));
  }

  private push(mode: Mode): void {
    this.zones.push({ depth: this.depth, mode });
  }

  private hide(chars: number): void {
    if (chars === 0) return;
    this.tally.hidden(chars);
    this.figures.hiddenSeen = true;
  }

  /**
   * The paragraph that text here belongs to: none when a note or a drawing opened since the
   * paragraph did (their character data is not the paragraph's, ODF 1.2 §6.1.1).
   */
  private currentParagraph(): OdtParagraph | undefined {
    const paragraph = this.paragraphs[this.paragraphs.length - 1];
    const story = this.stories[this.stories.length - 1];
    if (!paragraph || (story && story.depth > paragraph.depth)) return undefined;
    return paragraph.value;
  }

  private language(): string | undefined {
    return this.languages[this.languages.length - 1]?.value;
  }

  /** In counted text, or in hidden text (where only lengths matter). */
  private openVisible(name: string, attributes: Attributes, mode: 'count' | 'hidden'): void {
    if (SKIPPED.has(name)) this.openSkipped(name, attributes);
    else if (name.startsWith('text:') && name.endsWith('-source'))
      this.push('skip'); // index templates
    else if (!this.openInline(name, attributes, mode)) this.openBlock(name, attributes, mode);
  }

  /** Characters and fields inside a paragraph; false when `name` is not one of them. */
  private openInline(name: string, attributes: Attributes, mode: 'count' | 'hidden'): boolean {
    const paragraph = this.currentParagraph();
    if (name === 'text:s') this.spaces(spaceCount(attributes), mode, paragraph);
    else if (name === 'text:tab' || name === 'text:line-break') {
      if (mode === 'hidden') this.hide(1);
      else paragraph?.mark(name === 'text:tab' ? '\t' : '\n');
    } else if (name === 'text:span') this.openSpan(attributes, mode);
    else if (name === 'text:hidden-paragraph') {
      if (attributes.get('text:is-hidden') === 'true' && paragraph) paragraph.hidden = true;
    } else if (name === 'text:hidden-text') this.openHiddenText(attributes);
    else if (name === 'text:conditional-text') this.hide(codePoints(hiddenBranch(attributes)));
    else if (HIDEABLE_FIELDS.has(name)) {
      if (mode === 'count' && attributes.get('text:display') === 'none') this.push('hidden');
    } else return false;
    return true;
  }

  private openBlock(name: string, attributes: Attributes, mode: 'count' | 'hidden'): void {
    if (name === 'text:p' || name === 'text:h') {
      if (mode === 'count') this.openParagraph(name, attributes);
    } else if (name === 'text:note') {
      this.stories.push({ depth: this.depth, value: noteStory(attributes) });
    } else if (name === 'text:section') {
      if (attributes.get('text:display') === 'none') this.push('hidden');
    } else if (name === 'office:automatic-styles') {
      this.stylesDepth = this.depth;
    } else if (name === 'draw:frame') {
      this.frames.push({ depth: this.depth, value: false });
    } else if (name.startsWith('draw:')) {
      // Text boxes and the text of shapes: paragraphs under a drawing element are a text box.
      this.stories.push({ depth: this.depth, value: 'textbox' });
    }
  }

  private openSkipped(name: string, attributes: Attributes): void {
    if (name === 'office:annotation') this.figures.comments++;
    if (name === 'draw:object' || name === 'draw:object-ole') this.figures.embeddedObjects++;
    // The picture LibreOffice stores beside an embedded object is its preview, not a picture.
    if (name === 'draw:image' && !/ObjectReplacements\//.test(attributes.get('xlink:href') ?? '')) {
      this.countImage();
    }
    this.push(name === 'text:tracked-changes' ? 'changes' : 'skip');
  }

  /** A frame may hold the same picture twice (SVG and PNG): one picture per frame. */
  private countImage(): void {
    const frame = this.frames[this.frames.length - 1];
    if (frame?.value) return;
    if (frame) frame.value = true;
    this.figures.images++;
  }

  private openChange(name: string): void {
    if (name === 'text:insertion') this.figures.insertions++;
    if (name === 'text:deletion') {
      this.figures.deletions++;
      this.push('deleted');
    }
  }

  private openDeleted(name: string): void {
    if (name === 'office:change-info' || SKIPPED.has(name)) this.push('skip');
  }

  private openParagraph(name: string, attributes: Attributes): void {
    const style = this.styles.resolve('paragraph', attributes.get('text:style-name'));
    if (style.hidden) {
      this.push('hidden');
      return;
    }
    const story = this.stories[this.stories.length - 1]?.value ?? 'body';
    let level: number | undefined = style.outlineLevel;
    if (name === 'text:h')
      level = Number.parseInt(attributes.get('text:outline-level') ?? '', 10) || level || 1;
    this.tally.beginParagraph(story);
    this.tally.styleParagraph(
      style.displayName,
      level === undefined ? undefined : Math.min(Math.max(level, 1), 9),
    );
    const language = style.language ?? this.styles.defaultLanguage();
    this.paragraphs.push({ depth: this.depth, value: new OdtParagraph() });
    this.languages.push({ depth: this.depth, value: language });
  }

  private openSpan(attributes: Attributes, mode: Mode): void {
    const style = this.styles.resolve('text', attributes.get('text:style-name'));
    if (style.hidden && mode === 'count') this.push('hidden');
    if (style.language !== undefined) this.languages.push({ depth: this.depth, value: style.language });
  }

  private openHiddenText(attributes: Attributes): void {
    if (attributes.get('text:is-hidden') !== 'true') return;
    this.hide(codePoints(attributes.get('text:string-value') ?? ''));
    this.push('skip');
  }

  private spaces(requested: number, mode: Mode, paragraph: OdtParagraph | undefined): void {
    // text:c="999999999" would make a huge string: the whole document gets a budget of spaces.
    this.spaceBudget -= requested;
    if (this.spaceBudget < 0)
      throw new AppError('PART_TOO_LARGE', { part: 'content.xml', max: this.maxSpaces });
    if (mode === 'hidden') this.hide(requested);
    else paragraph?.spaces(requested, this.language());
  }
}

function spaceCount(attributes: Attributes): number {
  const c = Number.parseInt(attributes.get('text:c') ?? '1', 10);
  return Number.isFinite(c) && c > 0 ? c : 1;
}

function noteStory(attributes: Attributes): StoryKind {
  return attributes.get('text:note-class') === 'endnote' ? 'endnote' : 'footnote';
}

/** The branch of a conditional text that is not shown. */
function hiddenBranch(attributes: Attributes): string {
  const shown = attributes.get('text:current-value') === 'true';
  return attributes.get(shown ? 'text:string-value-if-false' : 'text:string-value-if-true') ?? '';
}

/** Excluded text is measured as it would show: XML white space collapsed. */
function collapse(text: string): string {
  return text.replace(/[ \t\n\r]+/g, ' ');
}

export function applyFigures(facts: ManuscriptFacts, figures: ContentFigures): void {
  facts.comments = figures.comments;
  facts.trackedChanges = { insertions: figures.insertions, deletions: figures.deletions, moves: 0 };
  facts.images = figures.images;
  facts.embeddedObjects = figures.embeddedObjects;
  facts.externalRelationships = figures.externalLinks;
  facts.hiddenText = figures.hiddenSeen;
}
