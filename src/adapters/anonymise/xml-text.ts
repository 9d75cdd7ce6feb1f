import {
  ANONYMOUS_LABELS,
  type AnonymousLabels,
  type NameFinder,
  replaceNames,
} from '../../domain/manuscript/author-names.js';

/**
 * Rewriting the text of an OOXML part in place, as a string: only the characters of names change,
 * every other byte of the markup stays as Word wrote it (so the copy opens as the original did).
 * The part was read by the capped reader first; these functions see well-formed XML with no
 * DOCTYPE.
 */

const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});/g;
const NAMED: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&apos;': "'",
};

export function decodeXml(text: string): string {
  return text.replace(ENTITY, (e) => {
    const named = NAMED[e];
    if (named !== undefined) return named;
    const code = e[2] === 'x' ? Number.parseInt(e.slice(3, -1), 16) : Number.parseInt(e.slice(2, -1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : e;
  });
}

export function encodeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function encodeAttribute(text: string): string {
  return encodeText(text).replace(/"/g, '&quot;');
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The string with the edits (sorted, not overlapping) applied. */
function applyEdits(xml: string, edits: readonly Edit[]): string {
  let out = '';
  let at = 0;
  for (const edit of edits) {
    out += xml.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + xml.slice(at);
}

export interface Rewritten {
  xml: string;
  /** Names replaced. */
  count: number;
}

/**
 * Attribute values of every tag: the names in them replaced, and the values that say who wrote
 * what (tracked changes' and comments' w:author, w:initials, people.xml's user ids) replaced
 * whatever they hold — a login name is not an author's name but tells it as well.
 */
export function rewriteAttributes(
  xml: string,
  finder: NameFinder,
  placeholder: string,
  labels: AnonymousLabels = ANONYMOUS_LABELS.author,
): Rewritten {
  const whoAttributes = whoAttributesFor(labels);
  let count = 0;
  const edits: Edit[] = [];
  for (const tag of xml.matchAll(/<[A-Za-z][^<>]*>/g)) {
    const rewritten = tag[0].replace(
      /(\s)([\w.-]+:)?([\w.-]+)="([^"]*)"/g,
      (whole, space, prefix, local, raw) => {
        const who = whoAttributes[local as string];
        const value = decodeXml(raw as string);
        if (who !== undefined && value !== who) {
          count++;
          return `${space}${prefix ?? ''}${local}="${who}"`;
        }
        const replaced = replaceNames(value, finder, placeholder);
        if (replaced.count === 0) return whole;
        count += replaced.count;
        return `${space}${prefix ?? ''}${local}="${encodeAttribute(replaced.text)}"`;
      },
    );
    if (rewritten !== tag[0])
      edits.push({ start: tag.index, end: tag.index + tag[0].length, text: rewritten });
  }
  return { xml: applyEdits(xml, edits), count };
}

/** Attributes that name a person, and what they become. */
function whoAttributesFor(labels: AnonymousLabels): Record<string, string> {
  return { author: labels.who, initials: labels.initials, userId: '', providerId: 'None' };
}

/** Every text node (between tags) with the names in it replaced: for parts other than the body's runs. */
export function rewriteTextNodes(xml: string, finder: NameFinder, placeholder: string): Rewritten {
  let count = 0;
  const edits: Edit[] = [];
  for (const node of xml.matchAll(/>([^<]+)</g)) {
    const replaced = replaceNames(decodeXml(node[1] as string), finder, placeholder);
    if (replaced.count === 0) continue;
    count += replaced.count;
    const start = node.index + 1;
    // Quotes too: a stray « > » inside an attribute value would make this look like text.
    edits.push({ start, end: start + (node[1] as string).length, text: encodeAttribute(replaced.text) });
  }
  return { xml: applyEdits(xml, edits), count };
}

/** The text elements of WordprocessingML (visible, deleted, and field instructions), and paragraph edges. */
const RUN_TEXT = /<(w:t|w:delText|w:instrText)((?:\s[^>]*)?)>([^<]*)<\/\1>|<\/?w:p(?=[\s>/])/g;

/**
 * OpenDocument's paragraph and heading edges, and the text nodes between tags. An edge only looks
 * at its delimiter: a « > » taken by it would hide the text that follows.
 */
const ODF_TEXT = /<\/?text:(?:p|h)(?=[\s>/])|>([^<]+)(?=<)/g;

interface Piece {
  /** Where the element's text starts and ends in the part. */
  start: number;
  end: number;
  /** Whether its start tag says xml:space="preserve" (or the format keeps spaces without it). */
  preserves: boolean;
  /** Where its start tag's name ends (to add xml:space when needed). */
  tagNameEnd: number;
  text: string;
}

/**
 * The runs' text, a paragraph at a time: Word splits a sentence into runs wherever formatting,
 * spell-checking or editing sessions changed, so a name may be cut across several w:t elements.
 * The paragraph's text is joined, the names found in it, and each cut back into its elements: the
 * placeholder goes where the name began, the rest of the name is taken out of the elements after.
 */
export function rewriteRunText(xml: string, finder: NameFinder, placeholder: string): Rewritten {
  return rewriteByParagraph(xml, RUN_TEXT, finder, placeholder, (m) => {
    const name = m[1];
    if (name === undefined) return null;
    const attributes = m[2] ?? '';
    const start = (m.index ?? 0) + 1 + name.length + attributes.length + 1;
    return {
      start,
      end: start + (m[3] as string).length,
      preserves: /xml:space\s*=\s*"preserve"/.test(attributes),
      tagNameEnd: (m.index ?? 0) + 1 + name.length,
      text: decodeXml(m[3] as string),
    };
  });
}

/**
 * The same for OpenDocument (content.xml, styles.xml): a paragraph's text is the text nodes
 * between its tags, spans and links included, so a name cut by a span is found all the same.
 * ODF keeps spaces without xml:space (several spaces are text:s elements), so no attribute is added.
 */
export function rewriteOdfText(xml: string, finder: NameFinder, placeholder: string): Rewritten {
  return rewriteByParagraph(xml, ODF_TEXT, finder, placeholder, (m) => {
    if (m[1] === undefined) return null;
    const start = (m.index ?? 0) + 1;
    return { start, end: start + m[1].length, preserves: true, tagNameEnd: start, text: decodeXml(m[1]) };
  });
}

/** Collects the pieces of each paragraph (a match that gives no piece is an edge) and rewrites them. */
function rewriteByParagraph(
  xml: string,
  pattern: RegExp,
  finder: NameFinder,
  placeholder: string,
  pieceOf: (m: RegExpMatchArray) => Piece | null,
): Rewritten {
  let count = 0;
  const edits: Edit[] = [];
  let paragraph: Piece[] = [];
  const flush = () => {
    count += rewriteParagraph(paragraph, finder, placeholder, edits);
    paragraph = [];
  };
  for (const m of xml.matchAll(pattern)) {
    const piece = pieceOf(m);
    if (piece === null) flush();
    else paragraph.push(piece);
  }
  flush();
  edits.sort((a, b) => a.start - b.start);
  return { xml: applyEdits(xml, edits), count };
}

function rewriteParagraph(
  pieces: readonly Piece[],
  finder: NameFinder,
  placeholder: string,
  edits: Edit[],
): number {
  if (pieces.length === 0) return 0;
  const joined = pieces.map((p) => p.text).join('');
  const matches = finder.find(joined);
  if (matches.length === 0) return 0;
  const texts = pieces.map((p) => p.text);
  const offsets: number[] = [];
  let offset = 0;
  for (const p of pieces) {
    offsets.push(offset);
    offset += p.text.length;
  }
  // From the last match back, so that earlier offsets stay true.
  for (const match of [...matches].reverse()) {
    let first = true;
    for (let i = 0; i < pieces.length; i++) {
      const from = offsets[i] as number;
      const to = from + (pieces[i] as Piece).text.length;
      if (to <= match.start || from >= match.end) continue;
      const cutStart = Math.max(match.start, from) - from;
      const cutEnd = Math.min(match.end, to) - from;
      const current = texts[i] as string;
      texts[i] = current.slice(0, cutStart) + (first ? placeholder : '') + current.slice(cutEnd);
      first = false;
    }
  }
  pieces.forEach((piece, i) => {
    const text = texts[i] as string;
    if (text === piece.text) return;
    edits.push({ start: piece.start, end: piece.end, text: encodeAttribute(text) });
    // A text that now starts or ends with a space keeps it only with xml:space="preserve".
    if (!piece.preserves && /^\s|\s$/.test(text)) {
      edits.push({ start: piece.tagNameEnd, end: piece.tagNameEnd, text: ' xml:space="preserve"' });
    }
  });
  return matches.length;
}
