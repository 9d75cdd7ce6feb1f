import type { IncomingMessage } from '../domain/intake/message.js';
import { callFacts } from '../domain/letters/call-facts.js';
import type { LetterInput } from '../domain/letters/model.js';
import { type Decision, decisionBehind } from '../domain/submission/decision.js';
import type { SubmissionRecord } from '../ports/submission-store.js';
import type { Entry, ImportDeps } from './import-message.js';
import type { MessageOutcomeKind } from './import-summary.js';
import type { ReceivedFile } from './judge-file.js';
import { type LetterEnvelope, letterJob } from './process-outbox.js';

export interface DecidedSubmission {
  record: SubmissionRecord;
  decision: Decision;
}

/**
 * The submission, when a decision closed it (decisionBehind): read once the new version's own
 * transaction refused the file (SUBMISSION_DECIDED), for the refusal's letter and records. The
 * table has no way back from a decision, so what was closed then is closed now.
 */
export async function decidedSubmission(
  submissionId: string,
  deps: Pick<ImportDeps, 'uow'>,
): Promise<DecidedSubmission | null> {
  const record = await deps.uow.run((s) => s.submissions.findById(submissionId));
  const decision = record ? decisionBehind(record.status) : null;
  return record && decision ? { record, decision } : null;
}

export interface RefusedVersion {
  message: IncomingMessage;
  entry: Entry;
  closed: DecidedSubmission;
  files: readonly ReceivedFile[];
  /** Null when the sender may not be answered (RFC 3834, or the day's notices already sent). */
  reply: LetterEnvelope | null;
}

/**
 * Use case: a new file, by e-mail, in the thread of a submission already decided on, which the
 * new-version use case refused (SUBMISSION_DECIDED, decided in its own transaction, so a decision
 * taken while the file was judged counts too). As on the author's private link, nothing is added
 * to it: no version, no status change. In one transaction
 * the message is recorded in the ledger with its submission (outcome version-refused: neither lost
 * nor taken again), the submission's timeline says a file came and was refused (what the
 * coordinators read), and the author is sent one letter saying the decision is final and whom to
 * write to. The message's raw bytes, attachment included, were stored before (importMessage).
 */
export async function refuseVersionAfterDecision(
  request: RefusedVersion,
  deps: ImportDeps,
): Promise<MessageOutcomeKind> {
  const { entry, closed, reply } = request;
  const letter: LetterInput = {
    kind: 'decision-final',
    call: callFacts(deps.call),
    receivedAt: entry.receivedAt.toISOString(),
    title: closed.record.title,
    decision: closed.decision,
    files: request.files.map((f) => ({ name: f.name, bytes: f.bytes.length })),
    coordinators: deps.call.coordinators.map((c) => ({ name: c.name, email: c.email })),
  };
  if (request.message.from?.name) letter.greetingName = request.message.from.name;
  // Codes and figures only: the timeline and the ledger are kept for long and read by many.
  const detail = { decision: closed.decision, status: closed.record.status, files: request.files.length };
  await deps.uow.run(async (s) => {
    if (reply) await s.outbox.enqueue(letterJob(reply, letter, `decision-final:${entry.sha256}`));
    await s.submissions.appendEvent(closed.record.id, {
      actor: { kind: 'author' },
      channel: 'email',
      action: 'version.refused',
      detail,
    });
    await s.messages.record({
      ...entry,
      outcome: 'version-refused',
      submissionId: closed.record.id,
      replied: reply !== null,
      detail,
    });
  });
  return 'ignored';
}
