import type { PostcodeDirectory } from '../call/rules/postcodes.js';
import type { Finding } from '../shared/finding.js';
import { type FoundAuthor, findAuthors } from './authors.js';
import { addressNotFound, nameNotFound, phoneNotFound, soleAuthorAssumed } from './contact-findings.js';
import type { MailAddress } from './message.js';
import { type FoundPhone, findPhones } from './phones.js';
import { type FoundAddress, findAddresses } from './postal.js';

/**
 * The contact details a submission needs, read from a message (its own words and signature) or
 * from a manuscript's first page. Everything found is returned; the best candidates are picked
 * out for the call's rules (`phone`, `postalAddress`, `authors`); what is missing is a finding
 * that tells the author how to send it.
 */
export interface ExtractedContact {
  phones: FoundPhone[];
  addresses: FoundAddress[];
  authors: FoundAuthor[];
  /** The phone to record: the first in the signature, else in the text (international form). */
  phone?: string;
  /** The address to record, as lines (street, then postcode and commune). */
  postalAddress?: string;
  findings: Finding[];
}

export interface ExtractOptions {
  sender?: MailAddress;
  postcodes?: PostcodeDirectory;
  /** What the call asks for; what it does not ask for is not reported missing. */
  required?: { phone?: boolean; postalAddress?: boolean };
  /** Numbers never to take as the author's (the journal's own, in E.164 form). */
  ignorePhones?: readonly string[];
}

export function extractContact(
  text: string,
  signature?: string,
  options: ExtractOptions = {},
): ExtractedContact {
  // The signature first: that is where people put their details, and it decides ties.
  const sources = signature ? [signature, text] : [text];
  const addresses = dedupe(
    sources.flatMap((s) => findAddresses(s, options.postcodes)),
    (a) => `${a.postcode} ${a.commune.toLowerCase()}`,
  );
  const postcode = addresses[0]?.postcode;
  const phones = dedupe(
    sources.flatMap((s) => findPhones(s, postcode, options.ignorePhones)),
    (p) => p.e164,
  );
  const authors = findAuthors(signature ? `${text}\n${signature}` : text, options.sender);

  const findings: Finding[] = [];
  const required = { phone: true, postalAddress: true, ...options.required };
  if (phones.length === 0 && required.phone) findings.push(phoneNotFound());
  if (addresses.length === 0 && required.postalAddress) findings.push(addressNotFound());
  if (authors.length === 0) findings.push(nameNotFound());
  else if (authors.length === 1 && authors[0]?.isSender) findings.push(soleAuthorAssumed());

  const result: ExtractedContact = { phones, addresses, authors, findings };
  if (phones[0]) result.phone = phones[0].international;
  if (addresses[0]) result.postalAddress = addresses[0].text;
  return result;
}

function dedupe<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
