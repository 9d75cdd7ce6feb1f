import { UNSAFE_CHARS } from './escape.js';

/**
 * A name fit to show and to store under, from whatever the sender put in the MIME headers
 * (RFC 2231 and encoded words are already decoded): no folders ("../../x" → "x"), no control,
 * NUL or bidi characters ("cod\u202Excod.docx" would show reversed), nothing Windows refuses,
 * not hidden, not empty, and not longer than `max` characters, extension kept.
 */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

export function sanitiseFilename(name: string | null | undefined, fallback: string, max = 150): string {
  let clean = (name ?? '').normalize('NFC').replace(UNSAFE_CHARS, '');
  clean = clean.split(/[/\\]/).pop() ?? '';
  clean = clean
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (clean === '') return fallback;
  if (WINDOWS_RESERVED.test(clean)) clean = `_${clean}`;
  return capLength(clean, max);
}

/** Shortens the stem, never the extension (a short one: ".docx", not a whole second name). */
function capLength(name: string, max: number): string {
  const chars = [...name];
  if (chars.length <= max) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  const stem = [...name.slice(0, name.length - extension.length)];
  return stem.slice(0, Math.max(1, max - [...extension].length)).join('') + extension;
}
