import type { Address } from 'postal-mime';
import type { MailAddress, RejectedAddress } from '../../domain/intake/message.js';
import { escapeForDisplay, stripUnsafe } from './escape.js';

/**
 * Addresses from the headers, kept only when they are plain, well-formed addr-specs
 * (dot-atom "@" domain name). A quoted local part such as "a@evil.example x"@journal.example is
 * legal in RFC 5322 but no author needs one, and every program that splits it at an "@" reads
 * another address into it: it is refused, like anything with spaces, control characters or two
 * "@". Refused values are kept, escaped, for a person to look at; they are never written to.
 */

// atext of RFC 5322, plus letters and digits of any script (RFC 6531 addresses).
const ATOM = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+$/u;
const LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;

export function isAddrSpec(address: string): boolean {
  if (address.length > 254) return false;
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return false;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local.length > 64 || !local.split('.').every((atom) => ATOM.test(atom))) return false;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return false;
  // A top-level "domain" of digits only is an IP address written without brackets.
  return !/^\d+$/.test(labels[labels.length - 1] ?? '');
}

/** The address as we keep it: local part as written (it may be case-sensitive), domain lower case. */
export function normaliseAddress(address: string): string {
  const at = address.lastIndexOf('@');
  return `${address.slice(0, at)}@${address.slice(at + 1).toLowerCase()}`;
}

export interface ParsedAddresses {
  valid: MailAddress[];
  rejected: RejectedAddress[];
}

/**
 * A display name that holds an address other than the mailbox's own is refused with it: either
 * the parser guessed where the address was in a malformed value ("a@evil.example x@journal.example"
 * reads as a@evil.example named "x@journal.example"), or the name was made to show another sender.
 * Outlook's habit of naming a mailbox by its own address ("jean@x.fr" <jean@x.fr>) is fine.
 */
function nameHidesAddress(name: string, address: string): boolean {
  const found = name.match(/[^\s@<>"'()]+@[^\s@<>"'()]+/g) ?? [];
  return found.some((token) => token.toLowerCase() !== address.toLowerCase());
}

/** Validates the mailboxes postal-mime read from one header field; `raw` is shown when refused. */
export function checkAddresses(
  field: RejectedAddress['field'],
  parsed: readonly Address[] | Address | undefined,
  raw: string | undefined,
  max = 100,
): ParsedAddresses {
  const out: ParsedAddresses = { valid: [], rejected: [] };
  const list = parsed === undefined ? [] : Array.isArray(parsed) ? parsed : [parsed];
  const mailboxes = list.flatMap((a: Address) => (a.group ? a.group : [a]));
  for (const mailbox of mailboxes.slice(0, max)) {
    const address = mailbox.address.trim();
    const name = stripUnsafe(mailbox.name ?? '', 200);
    if (address === '' && name === '') continue;
    if (isAddrSpec(address) && !nameHidesAddress(name, address)) {
      out.valid.push({ address: normaliseAddress(address), name });
      continue;
    }
    const shown = escapeForDisplay(raw ?? `${mailbox.name} <${mailbox.address}>`);
    if (!out.rejected.some((r) => r.shown === shown)) out.rejected.push({ field, shown });
  }
  return out;
}
