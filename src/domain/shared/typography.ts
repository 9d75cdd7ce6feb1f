import type { Message } from '../shared/message.js';

/**
 * French typography applied to the French half of a message, so that sources stay readable:
 * a no-break space before « : » and after « n° » (the number never starts a line alone, as in the
 * letters), a narrow no-break space before ; ! ? and inside « ». Messages are written with
 * ordinary spaces; this function fixes them once (applied again, it changes nothing).
 */
const NBSP = '\u00a0';
const NNBSP = '\u202f';

export function frenchTypography(text: string): string {
  return text
    .replace(/[ \u00a0\u202f]+:(?=\s|$)/g, `${NBSP}:`)
    .replace(/[ \u00a0\u202f]+([;!?])/g, `${NNBSP}$1`)
    .replace(/«[ \u00a0\u202f]*/g, `«${NNBSP}`)
    .replace(/[ \u00a0\u202f]*»/g, `${NNBSP}»`)
    .replace(/(?<![\p{L}\p{N}])([nN])°[ \u00a0\u202f]*(?=[\p{L}\p{N}])/gu, `$1°${NBSP}`);
}

/** A message whose French half gets French typography. */
export function msg(fr: string, en: string): Message {
  return { fr: frenchTypography(fr), en };
}

/** « text » with the right spaces, for quoting a value inside a French sentence. */
export function quoteFr(text: string): string {
  return `«${NNBSP}${text}${NNBSP}»`;
}
