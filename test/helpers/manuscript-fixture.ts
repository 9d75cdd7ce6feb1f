import { emptyFacts, type Manuscript } from '../../src/domain/manuscript/model.js';

/** A manuscript model with a given length, for the pure rules (no file involved). */
export function manuscriptOf(total: number, patch: Partial<Manuscript['counts']> = {}): Manuscript {
  return {
    format: 'docx',
    paragraphs: [],
    notes: [],
    facts: emptyFacts(),
    counts: {
      signes: { body: total, notes: 0, textboxes: 0, total },
      signesWithoutSpaces: Math.round(total * 0.85),
      words: Math.round(total / 6),
      paragraphs: 1,
      rawStoryLength: total + 1,
      subdocsIncluded: true,
      leftOut: {
        fieldCodeChars: 0,
        deletedChars: 0,
        hiddenChars: 0,
        paragraphMarks: 1,
        headersFooters: false,
        subdocChars: 0,
      },
      approximate: false,
      ...patch,
    },
  };
}
