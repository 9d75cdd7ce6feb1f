import type { Call } from '../domain/call/schema.js';
import { callFacts } from '../domain/letters/call-facts.js';
import { isAppError } from '../domain/shared/errors.js';
import { contactPerson } from '../domain/submission/author.js';
import { transition } from '../domain/submission/lifecycle.js';
import type { TransactionStores, UnitOfWork } from '../ports/message-ledger.js';
import type { OutboxMessage } from '../ports/outbox.js';
import type { SubmissionRecord } from '../ports/submission-store.js';
import { factsOf, letterLanguage, type TransitionOutcome } from './desk-transition.js';
import { newFollowLink } from './follow-link.js';
import { letterJob } from './process-outbox.js';

export interface SendContractRequest {
  submissionId: string;
  /** The `version` of the page the coordinator acted on. */
  expectedVersion: number;
  accountId: string;
  call: Call;
  /** The desk's public address, for the new private link in the letter. */
  publicBase: string;
}

/**
 * Use case: a coordinator sends the publishing contract (accepted → contract sent, through the ONE
 * transition table). When a contract file is on the submission and the contact person has an
 * address, the same transaction creates a new private link and queues the letter that carries it:
 * the contract is downloaded, and the signed copy sent back, from that page. Without a file, the
 * status moves and nobody is written to (the journal sends its contract its own way).
 */
export async function sendContract(
  request: SendContractRequest,
  deps: { uow: UnitOfWork },
): Promise<TransitionOutcome> {
  try {
    return await deps.uow.run((s) => sendIn(s, request));
  } catch (e) {
    // Thrown out of the transaction, so that the new link goes back with the status change.
    if (isAppError(e) && e.code === 'STALE_UPDATE') return { ok: false, reason: 'stale' };
    throw e;
  }
}

async function sendIn(s: TransactionStores, request: SendContractRequest): Promise<TransitionOutcome> {
  const record = await s.submissions.findById(request.submissionId);
  if (!record) return { ok: false, reason: 'not-found' };
  if (record.version !== request.expectedVersion) return { ok: false, reason: 'stale' };
  const decided = transition(record.status, 'send_contract', 'coordinator', factsOf(record, 'send_contract'));
  if (!decided.ok) return { ok: false, reason: 'refused', error: decided.error };
  const letter = await contractLetter(s, record, request);
  const summary = await s.submissions.changeStatus({
    submissionId: record.id,
    expectedVersion: request.expectedVersion,
    to: decided.status,
    event: {
      actor: { kind: 'coordinator', id: request.accountId },
      channel: 'web',
      action: 'send_contract',
      detail: { notified: letter !== null },
    },
    ...(letter ? { outbox: [letter] } : {}),
  });
  return { ok: true, from: record.status, summary, notified: letter !== null };
}

/** The letter with a new private link, when a contract file is there and the contact has an address. */
async function contractLetter(
  s: TransactionStores,
  record: SubmissionRecord,
  request: SendContractRequest,
): Promise<OutboxMessage | null> {
  const documents = await s.contractDocuments.listForSubmission(record.id);
  const contact = contactPerson(record.authors);
  if (!documents.some((d) => d.kind === 'contract') || !contact?.email) return null;
  const follow = newFollowLink(request.publicBase);
  await s.authorLinks.create({ tokenHash: follow.tokenHash, submissionId: record.id });
  const name = `${contact.givenName} ${contact.surname}`.trim();
  return letterJob(
    { to: { address: contact.email, ...(name ? { name } : {}) } },
    {
      kind: 'contract-sent',
      lang: letterLanguage(request.call),
      call: callFacts(request.call),
      ...(name ? { greetingName: name } : {}),
      title: record.title,
      followUrl: follow.url,
    },
    `contract-sent:${follow.tokenHash}`,
  );
}
