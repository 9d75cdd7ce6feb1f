import type { StoryKind } from '../../domain/manuscript/model.js';
import type { Tally } from '../../domain/manuscript/tally.js';
import { DELETED, HIDDEN, INSERTED } from './char-runs.js';
import type { RawStory } from './extract-stories.js';

/** What the raw text says besides the count ([MS-DOC] 2.8.25, the special characters). */
export interface DocTextFigures {
  comments: number;
  images: number;
  /** Runs of deleted text (pending tracked deletions). */
  deletions: number;
  /** Runs of inserted text (pending tracked insertions: counted, as if accepted). */
  insertions: number;
}

const FIELD_BEGIN = 0x13;
const FIELD_SEPARATOR = 0x14;
const FIELD_END = 0x15;
/** Tab, line break, non-breaking hyphen: the control characters that count one. */
const COUNTED_CONTROLS = new Set([0x09, 0x0b, 0x1e]);

/**
 * Tells the tally what one story of a .doc shows, by DESIGN.md's rules: paragraph and cell marks
 * 0, tab and line break 1, non-breaking hyphen 1, optional hyphen 0, page and column breaks 0,
 * note and comment references 0, pictures 0; field codes are left out and their results count;
 * deleted and hidden text are left out, inserted text counts.
 */
export function tallyStory(tally: Tally, raw: RawStory, story: StoryKind, figures: DocTextFigures): void {
  const { text, marks } = raw;
  const fields: boolean[] = []; // per open field: true once its result has begun
  let inCode = 0;
  let fieldChars = 0;
  let deleted = 0;
  let hidden = 0;
  let previous = 0; // the marks of the character before, to count runs
  let open = false;
  let runStart = -1;
  const ensureOpen = () => {
    if (!open) tally.beginParagraph(story);
    open = true;
  };
  const flush = (end: number) => {
    if (runStart < 0) return;
    ensureOpen();
    tally.text(text.slice(runStart, end));
    runStart = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const mark = marks === null ? 0 : (marks[i] as number);
    if (mark & DELETED) {
      flush(i);
      deleted++;
      if (!(previous & DELETED)) figures.deletions++;
      previous = mark;
      continue;
    }
    if (mark & INSERTED && !(previous & INSERTED)) figures.insertions++;
    previous = mark;
    const shown = inCode === 0 && !(mark & HIDDEN);
    if (c >= 0x20 && shown) {
      if (runStart < 0) runStart = i;
      continue;
    }
    flush(i);
    if (inCode === 0 && mark & HIDDEN && (c >= 0x20 || COUNTED_CONTROLS.has(c))) {
      hidden++;
    } else if (c === FIELD_BEGIN) {
      fields.push(false);
      inCode++;
    } else if (c === FIELD_SEPARATOR) {
      if (fields.length > 0 && !fields[fields.length - 1]) {
        fields[fields.length - 1] = true;
        inCode--;
      }
    } else if (c === FIELD_END) {
      if (fields.length > 0 && !fields.pop()) inCode--;
    } else if (inCode > 0) {
      fieldChars++;
    } else if (c === 0x0d || c === 0x07) {
      ensureOpen();
      tally.endParagraph();
      open = false;
    } else {
      special(c, tally, figures, ensureOpen);
    }
  }
  flush(text.length);
  if (open) tally.endParagraph();
  tally.fieldCode(fieldChars);
  tally.deleted(deleted);
  tally.hidden(hidden);
}

/** The other control characters of a story, below U+0020. */
function special(c: number, tally: Tally, figures: DocTextFigures, ensureOpen: () => void): void {
  switch (c) {
    case 0x09:
      ensureOpen();
      tally.mark('\t');
      return;
    case 0x0b:
      ensureOpen();
      tally.mark('\n');
      return;
    case 0x1e: // non-breaking hyphen
      ensureOpen();
      tally.text('\u2011');
      return;
    case 0x01: // inline picture or embedded object
      figures.images++;
      return;
    case 0x05: // comment reference
      figures.comments++;
      return;
    default:
      // 0x02 note reference, 0x03/0x04 note separators, 0x08 drawing anchor, 0x0c page or
      // section break, 0x0e column break, 0x1f optional hyphen: visible to no one, count 0.
      return;
  }
}
