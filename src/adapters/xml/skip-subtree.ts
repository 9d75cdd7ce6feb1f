import { GT, LT, SLASH } from './chars.js';

/**
 * Where a skipped element's content ends. A handler that has no use for an element's content
 * (the 370 w:lsdException of a styles part's w:latentStyles, settings.xml's w:rsids, a run's
 * property change records) asks the tokenizer to jump over it: only the element's own name is
 * searched for, with indexOf, instead of reading every tag inside.
 *
 * The price, paid only inside skipped content: it is not checked for well-formedness, and a
 * comment or CDATA section holding the element's closing tag would end the skip early (the
 * rest would then be read as markup and, in a valid file, fail as a mismatched tag). Nothing
 * inside is reported, so nothing inside can be miscounted.
 */
export interface SkipState {
  /** The element's name as written (prefix and all), as the closing tag must repeat it. */
  readonly raw: string;
  /** Elements of the same name opened inside it and not yet closed. */
  nested: number;
  /** Where the search goes on in the buffer: everything before it has been looked at. */
  searchFrom: number;
}

/**
 * Searches buf for the closing tag of the skipped element. Returns the index of its '<', or -1
 * when the buffer ends first; then state.searchFrom says where to go on, and the two characters
 * before it must be kept with the next chunk (a tag's '</' may straddle the cut).
 */
export function findSubtreeEnd(buf: string, state: SkipState): number {
  const { raw } = state;
  let i = state.searchFrom;
  for (;;) {
    const at = buf.indexOf(raw, i);
    if (at < 0 || at + raw.length >= buf.length) {
      // No whole name with the character after it: go on from the first place a name could start.
      state.searchFrom = at < 0 ? Math.max(i, buf.length - raw.length) : at;
      return -1;
    }
    const after = buf.charCodeAt(at + raw.length);
    const nameEnds = after === GT || after === SLASH || after <= 32;
    if (nameEnds && buf.charCodeAt(at - 1) === SLASH && buf.charCodeAt(at - 2) === LT) {
      if (state.nested === 0) return at - 2;
      state.nested--;
    } else if (nameEnds && buf.charCodeAt(at - 1) === LT) {
      // The same element inside itself: count it, unless it closes itself (<name … />).
      const gt = buf.indexOf('>', at);
      if (gt < 0) {
        state.searchFrom = at;
        return -1;
      }
      if (buf.charCodeAt(gt - 1) !== SLASH) state.nested++;
      i = gt + 1;
      continue;
    }
    i = at + raw.length;
  }
}
