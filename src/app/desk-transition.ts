import type { Call } from '../domain/call/schema.js';
import { callFacts } from '../domain/letters/call-facts.js';
import { type AppError, isAppError } from '../domain/shared/errors.js';
import type { Lang } from '../domain/shared/message.js';
import { contactPerson } from '../domain/submission/author.js';
import { type Action, type Actor, isDecision, transition } from '../domain/submission/lifecycle.js';
import type { StatusFacts } from '../domain/submission/requirements.js';
import type { Status } from '../domain/submission/status.js';
import type { UnitOfWork } from '../ports/message-ledger.js';
import type { OutboxMessage } from '../ports/outbox.js';
import type { SubmissionRecord, SubmissionSummary } from '../ports/submission-store.js';
import { linkRequestUrl } from './follow-link.js';
import { letterJob } from './process-outbox.js';

/** Tell the author of a decision: the letter is queued in the decision's own transaction. */
export interface DecisionNotice {
  call: Call;
  /** The committee's message, quoted in the letter. */
  note?: string;
  /** The desk's public address, for the page that sends a lost private link again. */
  publicBase?: string;
  /** The readers' words for the author (blind review), quoted without their names. */
  readerComments?: readonly string[];
  /**
   * What goes to the author's page with the decision: the requests whose words (those quoted) and
   * annotated files' copies without names are passed on, and how many such copies (the letter
   * says where they are).
   */
  readerFiles?: { reviewIds: readonly string[]; count: number };
}

export interface TransitionRequest {
  /** For a decision (DECISION_ACTIONS): the letter to the contact person; none when absent. */
  notify?: DecisionNotice;
  submissionId: string;
  /** The `version` of the page the person acted on. */
  expectedVersion: number;
  action: Action;
  actor: Exclude<Actor, 'author' | 'system' | 'reviewer'>;
  /** The signed-in account, recorded in the audit event (an identifier, never a name). */
  accountId: string;
}

export type TransitionOutcome =
  /** `notified`: a letter to the author was queued with the change. */
  | { ok: true; from: Status; summary: SubmissionSummary; notified: boolean }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'stale' }
  | { ok: false; reason: 'refused'; error: AppError };

const PAST_SIGNATURE: readonly Status[] = ['contract_signed', 'in_issue', 'published'];

/**
 * What the record holds, for the lifecycle's required fields. Consents are not stored: a recorded
 * submission gave them (the form requires them; by e-mail, the call says that sending implies them).
 * Recording the signed contract is the coordinator saying it arrived.
 */
export function factsOf(record: SubmissionRecord, action: Action): StatusFacts {
  const contacts = record.authors.filter((a) => a.isContact);
  const contact = contactPerson(record.authors);
  const facts: StatusFacts = {
    manuscript: record.versions.some((v) => v.signesTotal !== null),
    contactPerson: contacts.length === 1 || record.authors.length === 1,
    consents: { onlinePublication: true, freeOfCharge: true },
    signedContract: action === 'record_signed_contract' || PAST_SIGNATURE.includes(record.status),
  };
  if (contact?.email) facts.contactEmail = contact.email;
  if (contact?.phone) facts.phone = contact.phone;
  if (contact?.postalAddress) facts.postalAddress = contact.postalAddress;
  return facts;
}

/**
 * Use case: a person of the desk moves a submission through the ONE transition table. The change
 * is based on the version they saw: if anyone changed the submission since (another coordinator,
 * the author through their link, a new version by e-mail), nothing is written and they are told.
 * A decision sent with the readers' opinions also puts their annotated files (the copies without
 * their names) on the author's page, in the same transaction as the letter that says so.
 */
export async function applyTransition(
  request: TransitionRequest,
  deps: { uow: UnitOfWork },
): Promise<TransitionOutcome> {
  const record = await deps.uow.run((s) => s.submissions.findById(request.submissionId));
  if (!record) return { ok: false, reason: 'not-found' };
  if (record.version !== request.expectedVersion) return { ok: false, reason: 'stale' };
  const decided = transition(record.status, request.action, request.actor, factsOf(record, request.action));
  if (!decided.ok) return { ok: false, reason: 'refused', error: decided.error };
  const letter = decisionLetter(record, request);
  const sharing = isDecision(request.action) ? (request.notify?.readerFiles?.reviewIds ?? []) : [];
  try {
    const summary = await deps.uow.run(async (s) => {
      const changed = await s.submissions.changeStatus({
        submissionId: record.id,
        expectedVersion: request.expectedVersion,
        to: decided.status,
        event: {
          actor: { kind: request.actor, id: request.accountId },
          channel: 'web',
          action: request.action,
          ...(isDecision(request.action) ? { detail: { notified: letter !== null } } : {}),
        },
        ...(letter ? { outbox: [letter] } : {}),
      });
      if (sharing.length > 0) {
        await s.reviews.share(sharing);
        await s.reviewFiles.share(sharing);
      }
      return changed;
    });
    return { ok: true, from: record.status, summary, notified: letter !== null };
  } catch (e) {
    if (isAppError(e) && e.code === 'STALE_UPDATE') return { ok: false, reason: 'stale' };
    throw e;
  }
}

/**
 * The decision letter to the contact person, or null (no decision, not asked, or no address): what
 * applyTransition queues, and what the desk shows for confirmation before it does.
 */
export function decisionLetter(
  record: SubmissionRecord,
  request: Pick<TransitionRequest, 'action' | 'notify' | 'expectedVersion'>,
): OutboxMessage | null {
  const notify = request.notify;
  if (!notify || !isDecision(request.action)) return null;
  const contact = contactPerson(record.authors);
  if (!contact?.email) return null;
  const name = `${contact.givenName} ${contact.surname}`.trim();
  const note = notify.note?.trim();
  return letterJob(
    { to: { address: contact.email, ...(name ? { name } : {}) } },
    {
      kind: 'decision',
      lang: letterLanguage(notify.call),
      call: callFacts(notify.call),
      ...(name ? { greetingName: name } : {}),
      title: record.title,
      decision: request.action,
      ...(note ? { note } : {}),
      ...(notify.readerComments?.length ? { readerComments: [...notify.readerComments] } : {}),
      ...(notify.readerFiles?.count ? { readerFiles: notify.readerFiles.count } : {}),
      ...(notify.publicBase ? { linkRequestUrl: linkRequestUrl(notify.publicBase) } : {}),
    },
    `decision:${record.id}:${request.expectedVersion}`,
  );
}

/** Letters from the desk are written in the call's own language (French unless it says English). */
export function letterLanguage(call: Call): Lang {
  return call.languages[0] === 'en' ? 'en' : 'fr';
}
