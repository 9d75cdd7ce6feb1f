import type { Lang } from '../shared/message.js';

/**
 * A letter is written once as a list of blocks, then rendered to plain text (the reference) and to
 * HTML: both say exactly the same thing, and no template can forget to escape a value.
 */

export interface Link {
  href: string;
  text: string;
}

/** A run of text or a link, inside one line. */
export type Inline = string | Link;
export type Line = Inline[];

export type Block = (
  | { kind: 'paragraph'; lines: Line[] }
  | { kind: 'heading'; text: string }
  /** Each item is one or more lines (a finding, then how to fix it); the title sits just above. */
  | { kind: 'list'; title?: string; items: Line[][] }
  /**
   * After the signature: small print. `langs`, when set, gives each line's language (a notice said
   * in French then in English): the HTML marks a line in another language than the block's.
   */
  | { kind: 'footer'; lines: Line[]; langs?: Lang[] }
) & {
  /**
   * Set on the blocks written in another language than the letter's (the English half of a
   * two-language letter): the HTML marks them with `lang`, so a screen reader switches voice.
   */
  lang?: Lang;
};

export interface LetterDocument {
  lang: Lang;
  subject: string;
  blocks: Block[];
}

export function paragraph(...lines: (string | Line)[]): Block {
  return { kind: 'paragraph', lines: lines.map((l) => (typeof l === 'string' ? [l] : l)) };
}

export function heading(text: string): Block {
  return { kind: 'heading', text };
}

export function list(items: (string | Line[])[], title?: string): Block {
  const lines = items.map((i) => (typeof i === 'string' ? [[i]] : i));
  return title === undefined ? { kind: 'list', items: lines } : { kind: 'list', title, items: lines };
}

export function footer(...lines: string[]): Block {
  return { kind: 'footer', lines: lines.map((l) => [l]) };
}

/** Small print said in several languages, one line each, each line marked with its own. */
export function footerIn(lines: { lang: Lang; text: string }[]): Block {
  return { kind: 'footer', lines: lines.map((l) => [l.text]), langs: lines.map((l) => l.lang) };
}

/** The same blocks, marked as written in `lang`. */
export function inLanguage(lang: Lang, blocks: Block[]): Block[] {
  return blocks.map((b) => ({ ...b, lang }));
}

export function link(href: string, text = href): Link {
  return { href, text };
}
