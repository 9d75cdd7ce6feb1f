import { AppError } from '../../domain/shared/errors.js';
import type { MailAddress } from '../../ports/mailer.js';

/**
 * Header values that come from authors (names, subjects, the ids of their messages) are cleaned
 * here before nodemailer sees them. A CR or LF in a header value would start a new header
 * ("Jean\r\nBcc: x@y"): no control character gets through, whatever nodemailer itself does.
 */

// C0 and C1 controls, DEL, Unicode line/paragraph separators, bidirectional controls.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g;

/** One line of text: controls become a space, spaces are collapsed, the length is bounded. */
export function headerText(value: string, max = 200): string {
  const cleaned = value
    .normalize('NFC')
    .replace(CONTROLS, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
  const chars = [...cleaned];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : cleaned;
}

const ATEXT = "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+";
const LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?';
/**
 * A plain addr-spec: dot-atom local part, host name domain. Quoted local parts and comments
 * ("a@evil.example x"@journal.example) are refused: no author needs them, and they are how a
 * crafted address is made to mean two things.
 */
const ADDR_SPEC = new RegExp(`^${ATEXT}(?:\\.${ATEXT})*@${LABEL}(?:\\.${LABEL})*$`, 'u');

export function isPlainAddress(address: string): boolean {
  return address.length <= 254 && ADDR_SPEC.test(address);
}

/** The address checked, the name cleaned; throws MAIL_ADDRESS_INVALID naming the field only. */
export function safeAddress(value: MailAddress, field: string): MailAddress {
  const address = value.address.trim();
  if (!isPlainAddress(address)) throw new AppError('MAIL_ADDRESS_INVALID', { field });
  const name = value.name === undefined ? '' : headerText(value.name, 100);
  return name === '' ? { address } : { address, name };
}

const MSG_ID = /^<[^\s<>@]+@[^\s<>@]+>$/;
const HAS_CONTROL = new RegExp(CONTROLS.source); // without /g: test() must not keep a position

/** A Message-ID as "<left@right>", or null when it is not one (it is then left out). */
export function safeMessageId(value: string | undefined): string | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  const bracketed = trimmed.startsWith('<') ? trimmed : `<${trimmed}>`;
  return bracketed.length <= 250 && MSG_ID.test(bracketed) && !HAS_CONTROL.test(bracketed) ? bracketed : null;
}

/** The thread's ids, valid ones only, the most recent `max` kept (RFC 5322 allows trimming the middle). */
export function safeReferences(values: readonly string[] | undefined, max = 20): string[] {
  const ids = (values ?? []).map(safeMessageId).filter((id): id is string => id !== null);
  const unique = [...new Set(ids)];
  return unique.length > max ? [unique[0] as string, ...unique.slice(-(max - 1))] : unique;
}
