import { checkSubmission } from '../domain/call/check-submission.js';
import { isNotChecked } from '../domain/call/rules/not-checked.js';
import type { PostcodeDirectory } from '../domain/call/rules/postcodes.js';
import type { Call } from '../domain/call/schema.js';
import { AppError } from '../domain/shared/errors.js';
import { type Finding, finding } from '../domain/shared/finding.js';
import { msg } from '../domain/shared/typography.js';
import { isFinal, transition } from '../domain/submission/lifecycle.js';
import type { Status } from '../domain/submission/status.js';
import type { UnitOfWork } from '../ports/message-ledger.js';
import type { AuthorRecord, EventDetail } from '../ports/submission-store.js';
import { checkContactFields } from './author-check-details.js';
import { consentsGiven, missingForCompletion, storedFacts } from './author-facts.js';

/** Details an author gives through the private link; an absent member is left as it is. */
export interface DetailsInput {
  submissionId: string;
  call: Call;
  /** One of the submission's authors, who becomes the single contact for the editors. */
  contactAuthorId?: string;
  contactEmail?: string;
  phone?: string;
  postalAddress?: string;
  consents?: { onlinePublication?: boolean; freeOfCharge?: boolean };
}

export type DetailsField = 'contactAuthorId' | 'contactEmail' | 'phone' | 'postalAddress';

export type DetailsResult =
  | { ok: true; status: Status; completed: boolean; changed: string[] }
  | { ok: false; errors: Partial<Record<DetailsField, Finding[]>> };

// The submission findings these details decide; the others (anonymity, deadline…) stay as judged.
const DECIDED = /^(contact|authors|consents)\.|^intake\.(phone|address)_not_found$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Use case: the author completes or corrects the submission's details. The phone number and the
 * address are judged by the call's rules first (an error comes back next to its field, nothing is
 * written). Then, in one transaction: the details on the contact's row, the submission's findings
 * judged again, an audit event (which fields, never their values), and — when nothing is missing
 * any more — the move to `complete` through the lifecycle table, by the system.
 */
export async function completeDetails(
  input: DetailsInput,
  deps: { uow: UnitOfWork; postcodes?: PostcodeDirectory },
): Promise<DetailsResult> {
  const errors = fieldErrors(input, deps.postcodes);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return deps.uow.run(async (s) => {
    const record = await s.submissions.findById(input.submissionId);
    if (!record) throw new AppError('SUBMISSION_NOT_FOUND', { id: input.submissionId });
    if (isFinal(record.status)) return { ok: true, status: record.status, completed: false, changed: [] };
    if (input.contactAuthorId !== undefined && !record.authors.some((a) => a.id === input.contactAuthorId)) {
      return { ok: false, errors: { contactAuthorId: [notAnAuthor()] } };
    }
    const givesDetails = [input.contactEmail, input.phone, input.postalAddress].some((v) => v !== undefined);
    const hasContact =
      input.contactAuthorId !== undefined ||
      record.authors.length === 1 ||
      record.authors.some((a) => a.isContact);
    if (givesDetails && !hasContact) return { ok: false, errors: { contactAuthorId: [contactNeeded()] } };
    const events = await s.submissions.listEvents(record.id);
    const before = consentsGiven(events) ?? {};
    const consents = { ...before, ...input.consents };
    const authors = withDetails(record.authors, input);
    const changed = changedFields(record.authors, authors, before, consents);
    if (changed.length === 0) return { ok: true, status: record.status, completed: false, changed };

    const checked = checkSubmission(
      input.call,
      {
        authors,
        orderRequested: record.authors.some((a) => a.requestedOrder),
        consents,
        receivedAt: new Date(record.receivedAt),
      },
      deps.postcodes ? { postcodes: deps.postcodes } : {},
    );
    const kept = record.findings.filter((f) => f.versionId === null && !DECIDED.test(f.code));
    const decided = checked.findings.filter((f) => DECIDED.test(f.code) && !isNotChecked(f));
    await s.authorLinks.recordContactDetails({
      submissionId: record.id,
      ...(input.contactAuthorId !== undefined ? { contactAuthorId: input.contactAuthorId } : {}),
      ...(input.contactEmail !== undefined ? { contactEmail: input.contactEmail.trim() } : {}),
      ...(input.phone !== undefined ? { phone: input.phone.trim() } : {}),
      ...(input.postalAddress !== undefined ? { postalAddress: input.postalAddress.trim() } : {}),
      findings: [...kept.map(({ id: _id, versionId: _v, ...f }) => f), ...decided],
    });
    const detail: EventDetail = { fields: changed.join(',') };
    if (input.consents?.onlinePublication !== undefined)
      detail.consentOnlinePublication = input.consents.onlinePublication;
    if (input.consents?.freeOfCharge !== undefined) detail.consentFreeOfCharge = input.consents.freeOfCharge;
    await s.submissions.appendEvent(record.id, {
      actor: { kind: 'author' },
      channel: 'web',
      action: 'details.completed',
      detail,
    });

    const updated = await s.submissions.findById(record.id);
    if (!updated) throw new AppError('SUBMISSION_NOT_FOUND', { id: record.id });
    const facts = storedFacts(updated, await s.submissions.listEvents(record.id));
    const complete = missingForCompletion(input.call, facts).length === 0;
    if (!complete || (updated.status !== 'incomplete' && updated.status !== 'received')) {
      return { ok: true, status: updated.status, completed: false, changed };
    }
    const moved = transition(updated.status, 'mark_complete', 'system', facts);
    if (!moved.ok) throw moved.error;
    const after = await s.submissions.changeStatus({
      submissionId: record.id,
      expectedVersion: updated.version,
      to: moved.status,
      event: { actor: { kind: 'system' }, channel: 'web', action: 'mark_complete' },
    });
    return { ok: true, status: after.status, completed: true, changed };
  });
}

function fieldErrors(
  input: DetailsInput,
  postcodes?: PostcodeDirectory,
): Partial<Record<DetailsField, Finding[]>> {
  const errors: Partial<Record<DetailsField, Finding[]>> = {};
  const check = checkContactFields(input.call, input, postcodes);
  const phoneErrors = check.phone.filter((f) => f.severity === 'error');
  if (phoneErrors.length > 0) errors.phone = phoneErrors;
  const addressErrors = check.postalAddress.filter((f) => f.severity === 'error');
  if (addressErrors.length > 0) errors.postalAddress = addressErrors;
  if (input.contactEmail !== undefined && !EMAIL.test(input.contactEmail.trim())) {
    errors.contactEmail = [emailInvalid()];
  }
  return errors;
}

/** The authors as they will be: the new contact flagged, the details on the contact's row. */
function withDetails(authors: readonly AuthorRecord[], input: DetailsInput): AuthorRecord[] {
  const contactId =
    input.contactAuthorId ?? (authors.length === 1 ? authors[0]?.id : authors.find((a) => a.isContact)?.id);
  return authors.map((a) => {
    const isContact = input.contactAuthorId !== undefined ? a.id === input.contactAuthorId : a.isContact;
    if (a.id !== contactId) return { ...a, isContact };
    return {
      ...a,
      isContact,
      ...(input.contactEmail !== undefined ? { email: input.contactEmail.trim() } : {}),
      ...(input.phone !== undefined ? { phone: input.phone.trim() } : {}),
      ...(input.postalAddress !== undefined ? { postalAddress: input.postalAddress.trim() } : {}),
    };
  });
}

function changedFields(
  before: readonly AuthorRecord[],
  after: readonly AuthorRecord[],
  consentsBefore: { onlinePublication?: boolean; freeOfCharge?: boolean },
  consentsAfter: { onlinePublication?: boolean; freeOfCharge?: boolean },
): string[] {
  const changed = new Set<string>();
  before.forEach((a, i) => {
    const b = after[i];
    if (!b) return;
    if (a.isContact !== b.isContact) changed.add('contactPerson');
    if ((a.email ?? '') !== (b.email ?? '')) changed.add('contactEmail');
    if ((a.phone ?? '') !== (b.phone ?? '')) changed.add('phone');
    if ((a.postalAddress ?? '') !== (b.postalAddress ?? '')) changed.add('postalAddress');
  });
  if (consentsBefore.onlinePublication !== consentsAfter.onlinePublication)
    changed.add('consentOnlinePublication');
  if (consentsBefore.freeOfCharge !== consentsAfter.freeOfCharge) changed.add('consentFreeOfCharge');
  return [...changed];
}

function notAnAuthor(): Finding {
  return finding(
    'authors.contact_unknown',
    'error',
    msg('Cette personne ne figure pas parmi les auteurs.', 'This person is not among the authors.'),
    msg('Choisissez le contact dans la liste des auteurs.', 'Choose the contact from the list of authors.'),
  );
}

function contactNeeded(): Finding {
  return finding(
    'authors.contact_needed',
    'error',
    msg(
      'Ces coordonnées sont celles de la personne à contacter, qui n’est pas encore choisie.',
      'These details are the contact person’s, who is not chosen yet.',
    ),
    msg('Choisissez d’abord la personne à contacter.', 'Choose the contact person first.'),
  );
}

function emailInvalid(): Finding {
  return finding(
    'authors.contact_email_invalid',
    'error',
    msg('L’adresse électronique n’est pas valide.', 'The e-mail address is not valid.'),
    msg(
      'Écrivez une adresse complète, par exemple prenom.nom@exemple.fr.',
      'Write a full address, for example first.last@example.org.',
    ),
  );
}
