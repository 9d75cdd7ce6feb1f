import { AppError } from '../domain/shared/errors.js';
import { transition } from '../domain/submission/lifecycle.js';
import type { Status } from '../domain/submission/status.js';
import type { UnitOfWork } from '../ports/message-ledger.js';
import type { EventChannel } from '../ports/submission-store.js';

export interface WithdrawRequest {
  submissionId: string;
  channel: EventChannel;
}

export interface WithdrawResult {
  status: Status;
  /** False when it was already withdrawn (a second click, a retry): nothing was written. */
  changed: boolean;
}

/**
 * Use case: the author withdraws their submission. The lifecycle table decides whether the
 * author may from the current status (an ILLEGAL_TRANSITION error says which actions remain);
 * the change and its audit event are committed together. Withdrawing twice is not an error.
 */
export async function withdrawSubmission(
  request: WithdrawRequest,
  deps: { uow: UnitOfWork },
): Promise<WithdrawResult> {
  return deps.uow.run(async (s) => {
    const record = await s.submissions.findById(request.submissionId);
    if (!record) throw new AppError('SUBMISSION_NOT_FOUND', { id: request.submissionId });
    if (record.status === 'withdrawn') return { status: record.status, changed: false };
    const moved = transition(record.status, 'withdraw', 'author');
    if (!moved.ok) throw moved.error;
    const after = await s.submissions.changeStatus({
      submissionId: record.id,
      expectedVersion: record.version,
      to: moved.status,
      event: { actor: { kind: 'author' }, channel: request.channel, action: 'withdraw' },
    });
    return { status: after.status, changed: true };
  });
}
