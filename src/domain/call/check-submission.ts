import type { Finding } from '../shared/finding.js';
import type { Author } from '../submission/author.js';
import { parseAddress } from './rules/address.js';
import { type AnonymityInputs, checkAnonymity } from './rules/anonymity.js';
import { checkAuthorOrder } from './rules/author-order.js';
import { type Consents, checkConsents } from './rules/consents.js';
import { checkContactPerson, contactPerson } from './rules/contact-person.js';
import { checkDeadline } from './rules/deadline.js';
import { checkHouseStyle } from './rules/house-style.js';
import { checkNaturalPersons } from './rules/natural-persons.js';
import { isNotChecked } from './rules/not-checked.js';
import { checkPhone } from './rules/phone.js';
import { checkPostalAddress } from './rules/postal-address.js';
import type { PostcodeDirectory } from './rules/postcodes.js';
import type { Call } from './schema.js';

/**
 * Every rule of the call that needs the submission's details rather than the manuscript file.
 * Each input is optional: a rule whose input is missing says « not checked » (information) and
 * leaves the verdict alone, so `appel check FILE` judges the file and nothing it was not given.
 */
export interface SubmissionFacts {
  authors?: Author[];
  /** The authors asked to be printed in the order given rather than alphabetically. */
  orderRequested?: boolean;
  /** The contact's phone; when absent, the contact person's own `phone` is used. */
  phone?: string;
  /** The contact's postal address; when absent, the contact person's own `postalAddress`. */
  postalAddress?: string;
  consents?: Consents;
  receivedAt?: Date;
  /** The manuscript's properties and text, for the anonymity hints and the house-style checks. */
  document?: AnonymityInputs;
}

export interface SubmissionCheckDeps {
  /** The official postcodes; without it, postcodes are read but not verified. */
  postcodes?: PostcodeDirectory;
}

export interface SubmissionCheck {
  findings: Finding[];
  /** Codes of the « not checked » findings, for a summary line. */
  notChecked: string[];
  /** No error among the rules that were checked. */
  passes: boolean;
}

function contactDetails(call: Call, facts: SubmissionFacts, deps: SubmissionCheckDeps): Finding[] {
  const contact = facts.authors ? contactPerson(facts.authors) : undefined;
  const phone = facts.phone ?? contact?.phone;
  const address = facts.postalAddress ?? contact?.postalAddress;
  const findings: Finding[] = [];
  // A detail the call does not ask for is checked only when given, and never required.
  if (call.contactDetails.postalAddress || address !== undefined) {
    findings.push(...checkPostalAddress(address, deps.postcodes, call.contactDetails.postalAddress));
  }
  if (call.contactDetails.phone || phone !== undefined) {
    const postcode = address === undefined ? undefined : parseAddress(address).postcode;
    findings.push(...checkPhone(phone, postcode, call.contactDetails.phone));
  }
  return findings;
}

export function checkSubmission(
  call: Call,
  facts: SubmissionFacts,
  deps: SubmissionCheckDeps = {},
): SubmissionCheck {
  const findings: Finding[] = [
    ...checkDeadline(call.deadline, facts.receivedAt),
    ...checkContactPerson(call, facts.authors),
    ...contactDetails(call, facts, deps),
    ...(call.authors.naturalPersonsOnly ? checkNaturalPersons(facts.authors) : []),
    ...checkAuthorOrder(call, facts.authors, facts.orderRequested),
    ...checkConsents(call, facts.consents),
    ...checkAnonymity(facts.authors, facts.document),
    ...checkHouseStyle(call, facts.document?.text),
  ];
  const notChecked = findings.filter(isNotChecked).map((f) => f.code);
  return { findings, notChecked, passes: !findings.some((f) => f.severity === 'error') };
}
