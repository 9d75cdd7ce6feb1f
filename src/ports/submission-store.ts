import type { Status } from '../domain/submission/status.js';
import type {
  EventRecord,
  NewEvent,
  NewSubmission,
  StatusChange,
  SubmissionFilter,
  SubmissionRecord,
  SubmissionSummary,
  VersionAddition,
  VersionRecord,
} from './submission-records.js';

export type * from './submission-records.js';

/**
 * Durable record of submissions. Every write is one transaction that also appends its audit
 * event and queues its outbox messages: either all of it is stored, or none of it.
 * The store records statuses; it never decides whether a transition is allowed (lifecycle.ts does).
 */
export interface SubmissionStore {
  /** Fails with SUBMISSION_DUPLICATE when the call already has this idempotency key. */
  recordSubmission(input: NewSubmission): Promise<SubmissionRecord>;
  findById(id: string): Promise<SubmissionRecord | null>;
  findByIdempotencyKey(callId: string, key: string): Promise<SubmissionRecord | null>;
  /** Oldest received first. */
  listByCall(callId: string, filter?: SubmissionFilter): Promise<SubmissionSummary[]>;
  /** Numbers the new version after the last one; the submission's version counter moves on. */
  addVersion(input: VersionAddition): Promise<VersionRecord>;
  /** Fails with STALE_UPDATE when `expectedVersion` is not the stored one. */
  changeStatus(change: StatusChange): Promise<SubmissionSummary>;
  appendEvent(submissionId: string, event: NewEvent): Promise<EventRecord>;
  /** In the order they happened. */
  listEvents(submissionId: string): Promise<EventRecord[]>;
  countByStatus(callId: string): Promise<Partial<Record<Status, number>>>;
}
