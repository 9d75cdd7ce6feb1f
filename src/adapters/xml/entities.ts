import { AppError } from '../../domain/shared/errors.js';

const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Decodes the five predefined entities and character references. No DTD is ever read, so any
 * other named entity is an error, not an expansion.
 */
export function decodeEntities(raw: string, part: string): string {
  if (raw.indexOf('&') < 0) return raw;
  return raw.replace(/&([^;&]{0,12});/g, (_whole, body: string) => {
    if (body.charCodeAt(0) === 35 /* # */) {
      const hex = body[1] === 'x' || body[1] === 'X';
      const code = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
      if (!Number.isInteger(code) || code < 1 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
        throw new AppError('XML_MALFORMED', { part, detail: `bad character reference &${body};` });
      }
      return String.fromCodePoint(code);
    }
    const named = NAMED[body];
    if (named === undefined) {
      throw new AppError('XML_MALFORMED', { part, detail: `unknown entity &${body.slice(0, 12)};` });
    }
    return named;
  });
}
