import { contactPerson } from '../domain/call/rules/contact-person.js';
import type { Call } from '../domain/call/schema.js';
import { type FieldName, missingFieldsFor, type StatusFacts } from '../domain/submission/requirements.js';
import type { EventRecord, SubmissionRecord } from '../ports/submission-store.js';

/**
 * What a stored submission holds, as the lifecycle reads it: the facts behind « what is missing »
 * on the author's page and behind the move to `complete` when the author fills the gaps.
 *
 * Contact details live on the contact's row; consents are recorded in the audit log (the event
 * that received the submission, or a later one where the author gave them), never as personal data.
 */
export function storedFacts(record: SubmissionRecord, events: readonly EventRecord[]): StatusFacts {
  const contact = contactPerson(record.authors);
  const facts: StatusFacts = {
    // A version counts as a manuscript when it could be read (a PDF is recorded, not counted).
    manuscript: record.versions.some((v) => v.signesTotal !== null),
    contactPerson: contact !== undefined,
  };
  if (contact?.email) facts.contactEmail = contact.email;
  if (contact?.phone) facts.phone = contact.phone;
  if (contact?.postalAddress) facts.postalAddress = contact.postalAddress;
  const consents = consentsGiven(events);
  if (consents) facts.consents = consents;
  return facts;
}

/** The latest answer given for each consent, from the audit log. */
export function consentsGiven(
  events: readonly EventRecord[],
): { onlinePublication?: boolean; freeOfCharge?: boolean } | undefined {
  let online: boolean | undefined;
  let free: boolean | undefined;
  for (const e of events) {
    const d = e.detail;
    if (typeof d?.consentOnlinePublication === 'boolean') online = d.consentOnlinePublication;
    if (typeof d?.consentFreeOfCharge === 'boolean') free = d.consentFreeOfCharge;
  }
  if (online === undefined && free === undefined) return undefined;
  return {
    ...(online !== undefined ? { onlinePublication: online } : {}),
    ...(free !== undefined ? { freeOfCharge: free } : {}),
  };
}

/** What the submission still lacks to be complete, as the call asks. */
export function missingForCompletion(call: Call, facts: StatusFacts): FieldName[] {
  return missingFieldsFor('complete', facts, {
    contactDetails: call.contactDetails,
    consents: call.consents,
    contract: call.contract,
  });
}
