import type { JsonObject } from './json.js';

/**
 * The transactional outbox: side effects (receipts, letters) are written as rows in the same
 * transaction as the decision that causes them, then carried out by workers. A committed
 * submission therefore always has its receipt queued, and nothing is sent for one that was not.
 * Rows are never deleted: the table is also the record of what was sent.
 */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface OutboxMessage {
  kind: string;
  /** What the worker needs. Prefer identifiers over copies of personal data. */
  payload: JsonObject;
  /** At most one message per key, ever (e.g. "receipt:<submission id>"). */
  dedupeKey?: string;
  /** Not before this time (reminders); now when absent. */
  runAfter?: Date;
}

export interface OutboxJob {
  id: number;
  kind: string;
  payload: JsonObject;
  status: OutboxStatus;
  /** Claims so far, the current one included. */
  attempts: number;
  runAfter: string;
  lockedUntil: string | null;
  lockedBy: string | null;
  lastError: string | null;
  dedupeKey: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface ClaimOptions {
  /** Who claims (host:pid, a worker name): only the holder of a lease may settle the job. */
  worker: string;
  limit?: number;
  /** How long the claim holds; past it, another worker may take the job again. */
  leaseMs?: number;
}

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export type FailureOutcome = 'retry' | 'failed' | 'not-held';

/** A new payload for a stored job, or null to keep the one it has. */
export type PayloadRewrite = (payload: JsonObject) => JsonObject | null;

export interface RewriteSentOptions {
  /** Rows read per query: the table is read in bounded batches, never whole. */
  batchSize: number;
  /** Counts the rows that would change, and writes nothing. */
  dryRun: boolean;
  /**
   * A filter the database applies before any row is read: only payloads whose text holds one of
   * these strings and not `unlessContains`. It spares reading every sent row again each time; the
   * rewrite still decides for each row it reads.
   */
  onlyIfContains?: { anyOf: readonly string[]; unlessContains?: string };
}

export interface EnqueueResult {
  id: number;
  /** True when a message with the same dedupe key existed and nothing new was queued. */
  duplicate: boolean;
}

/** The worker's side of the outbox (the writing side lives in the store's transactions). */
export interface Outbox {
  /** Queues a message on its own (outside any submission change); a known dedupe key is a no-op. */
  enqueue(message: OutboxMessage): Promise<EnqueueResult>;
  /** Takes up to `limit` due jobs; two workers never receive the same job under a live lease. */
  claimDue(options: ClaimOptions): Promise<OutboxJob[]>;
  /**
   * False when the lease was lost (another worker took the job over). `payload`, when given,
   * replaces the stored one in the same write: a sent letter loses its secret links as it is
   * marked sent, never one without the other.
   */
  markSent(id: number, worker: string, payload?: JsonObject): Promise<boolean>;
  /**
   * Schedules a retry with exponential backoff, or gives up after the last attempt (the row stays,
   * status failed). `error` is stored: write what went wrong, never the message's content.
   */
  markFailed(id: number, worker: string, error: string): Promise<FailureOutcome>;
  get(id: number): Promise<OutboxJob | null>;
  /**
   * Rewrites the payloads of sent jobs of `kind` (letters sent before they lost their secret links
   * as they were marked sent): only rows whose status is sent, only payloads `rewrite` changes.
   * Returns how many rows this call changed (a row changed at the same moment by another caller
   * is counted by that one), or in a dry run how many it would change.
   */
  rewriteSentPayloads(kind: string, rewrite: PayloadRewrite, options: RewriteSentOptions): Promise<number>;
}
