import type { Clock } from '../../ports/clock.js';
import type { JsonObject } from '../../ports/json.js';
import type {
  ClaimOptions,
  EnqueueResult,
  FailureOutcome,
  Outbox,
  OutboxJob,
  OutboxMessage,
  PayloadRewrite,
  RetryPolicy,
  RewriteSentOptions,
} from '../../ports/outbox.js';
import { toIso } from './codec.js';
import type { Dialect } from './connect.js';
import {
  claimDue,
  DEFAULT_RETRY,
  enqueue,
  failAbandoned,
  getJob,
  markFailed,
  markSent,
  rewriteSentPayloads,
} from './repositories/outbox.js';
import { type Executor, withTransaction } from './transaction.js';

/** The worker's side of the outbox over Kysely. */
export class KyselyOutbox implements Outbox {
  constructor(
    private readonly db: Executor,
    private readonly dialect: Dialect,
    private readonly clock: Clock,
    private readonly policy: RetryPolicy = DEFAULT_RETRY,
  ) {}

  private now(): string {
    return toIso(this.clock.now());
  }

  enqueue(message: OutboxMessage): Promise<EnqueueResult> {
    return enqueue(this.db, message, this.now(), { onDuplicate: 'ignore' });
  }

  async claimDue(options: ClaimOptions): Promise<OutboxJob[]> {
    const now = this.now();
    await failAbandoned(this.db, this.policy, now);
    return claimDue(this.db, this.dialect, options, this.policy, now);
  }

  markSent(id: number, worker: string, payload?: JsonObject): Promise<boolean> {
    return markSent(this.db, id, worker, this.now(), payload);
  }

  markFailed(id: number, worker: string, error: string): Promise<FailureOutcome> {
    // Read-then-update: one transaction, so the attempt count read is the one updated.
    return withTransaction(this.db, (trx) => markFailed(trx, id, worker, error, this.policy, this.now()));
  }

  get(id: number): Promise<OutboxJob | null> {
    return getJob(this.db, id);
  }

  rewriteSentPayloads(kind: string, rewrite: PayloadRewrite, options: RewriteSentOptions): Promise<number> {
    return rewriteSentPayloads(this.db, kind, rewrite, options, this.now());
  }
}
