import { AppError } from '../../domain/shared/errors.js';
import type { Status } from '../../domain/submission/status.js';
import type { Clock } from '../../ports/clock.js';
import type { IdGenerator } from '../../ports/id-generator.js';
import type {
  EventRecord,
  NewEvent,
  NewSubmission,
  StatusChange,
  SubmissionFilter,
  SubmissionRecord,
  SubmissionStore,
  SubmissionSummary,
  VersionAddition,
  VersionRecord,
} from '../../ports/submission-store.js';
import { toIso } from './codec.js';
import { addVersion } from './repositories/add-version.js';
import { changeStatus } from './repositories/change-status.js';
import { insertEvent, listEvents } from './repositories/events.js';
import { loadSubmission } from './repositories/load-submission.js';
import { recordSubmission } from './repositories/record-submission.js';
import { countByStatus, findIdByKey, findSummary, listByCall } from './repositories/submissions.js';
import { type Executor, withTransaction } from './transaction.js';

/** The SubmissionStore port over Kysely; the same code on SQLite and PostgreSQL. */
export class KyselySubmissionStore implements SubmissionStore {
  constructor(
    private readonly db: Executor,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  private now(): string {
    return toIso(this.clock.now());
  }

  recordSubmission(input: NewSubmission): Promise<SubmissionRecord> {
    return recordSubmission(this.db, this.ids, input, this.now());
  }

  findById(id: string): Promise<SubmissionRecord | null> {
    return loadSubmission(this.db, id);
  }

  async findByIdempotencyKey(callId: string, key: string): Promise<SubmissionRecord | null> {
    const id = await findIdByKey(this.db, callId, key);
    return id ? loadSubmission(this.db, id) : null;
  }

  listByCall(callId: string, filter?: SubmissionFilter): Promise<SubmissionSummary[]> {
    return listByCall(this.db, callId, filter);
  }

  addVersion(input: VersionAddition): Promise<VersionRecord> {
    return addVersion(this.db, this.ids, input, this.now());
  }

  changeStatus(change: StatusChange): Promise<SubmissionSummary> {
    return changeStatus(this.db, change, this.now());
  }

  appendEvent(submissionId: string, event: NewEvent): Promise<EventRecord> {
    return withTransaction(this.db, async (trx) => {
      const submission = await findSummary(trx, submissionId);
      if (!submission) throw new AppError('SUBMISSION_NOT_FOUND', { id: submissionId });
      return insertEvent(trx, submissionId, event, { from: null, to: null }, this.now());
    });
  }

  listEvents(submissionId: string): Promise<EventRecord[]> {
    return listEvents(this.db, submissionId);
  }

  countByStatus(callId: string): Promise<Partial<Record<Status, number>>> {
    return countByStatus(this.db, callId);
  }
}
