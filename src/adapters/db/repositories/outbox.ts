import { type Selectable, sql } from 'kysely';
import { AppError } from '../../../domain/shared/errors.js';
import type { JsonObject } from '../../../ports/json.js';
import type {
  ClaimOptions,
  EnqueueResult,
  FailureOutcome,
  OutboxJob,
  OutboxMessage,
  OutboxStatus,
  PayloadRewrite,
  RetryPolicy,
  RewriteSentOptions,
} from '../../../ports/outbox.js';
import { addMs, decodeJson, encodeJson, toIso } from '../codec.js';
import type { Dialect } from '../connect.js';
import { isUniqueViolation } from '../db-errors.js';
import type { OutboxTable } from '../schema.js';
import type { Executor } from '../transaction.js';

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 60_000, maxDelayMs: 6 * 3600_000 };
const LAST_ERROR_MAX = 1000;

export interface EnqueueOptions {
  /** 'ignore': a known dedupe key is a no-op; 'fail' (default): OUTBOX_DUPLICATE, and the transaction rolls back. */
  onDuplicate?: 'ignore' | 'fail';
}

/** Queues a message; pass the transaction of the change that causes it. */
export async function enqueue(
  db: Executor,
  message: OutboxMessage,
  now: string,
  options: EnqueueOptions = {},
): Promise<EnqueueResult> {
  const values = {
    kind: message.kind,
    payload: encodeJson(message.payload),
    status: 'pending',
    attempts: 0,
    run_after: message.runAfter ? toIso(message.runAfter) : now,
    dedupe_key: message.dedupeKey ?? null,
    created_at: now,
    updated_at: now,
  };
  if (options.onDuplicate === 'ignore' && message.dedupeKey) {
    const row = await db
      .insertInto('outbox')
      .values(values)
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (row) return { id: row.id, duplicate: false };
    const known = await db
      .selectFrom('outbox')
      .select('id')
      .where('dedupe_key', '=', message.dedupeKey)
      .executeTakeFirstOrThrow();
    return { id: known.id, duplicate: true };
  }
  try {
    const row = await db.insertInto('outbox').values(values).returning('id').executeTakeFirstOrThrow();
    return { id: row.id, duplicate: false };
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('OUTBOX_DUPLICATE', { key: message.dedupeKey ?? '' });
    throw e;
  }
}

/**
 * Claims due jobs in ONE statement: pending jobs whose time has come, and jobs whose worker's
 * lease ran out (it crashed or hung). Each claim counts as an attempt and sets a lease.
 * - PostgreSQL: the candidates are locked FOR UPDATE SKIP LOCKED in a CTE (evaluated once), so
 *   concurrent workers pass over each other's rows instead of waiting or taking the same ones.
 * - SQLite: an UPDATE takes the database's single write lock for its whole run, so two claimers
 *   (threads or processes) are serialised and the second no longer sees the first's rows as due.
 */
export async function claimDue(
  db: Executor,
  dialect: Dialect,
  options: ClaimOptions,
  policy: RetryPolicy,
  now: string,
): Promise<OutboxJob[]> {
  const limit = options.limit ?? 10;
  const lockedUntil = addMs(now, options.leaseMs ?? 5 * 60_000);
  const rows = await db
    .with('next', (qc) => {
      const candidates = qc
        .selectFrom('outbox')
        .select('id')
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'pending'), eb('run_after', '<=', now)]),
            eb.and([eb('status', '=', 'sending'), eb('locked_until', '<=', now)]),
          ]),
        )
        .where('attempts', '<', policy.maxAttempts)
        .orderBy('run_after')
        .orderBy('id')
        .limit(limit);
      return dialect === 'postgres' ? candidates.forUpdate().skipLocked() : candidates;
    })
    .updateTable('outbox')
    .set((eb) => ({
      status: 'sending',
      attempts: eb('attempts', '+', 1),
      locked_until: lockedUntil,
      locked_by: options.worker,
      updated_at: now,
    }))
    .where('id', 'in', (eb) => eb.selectFrom('next').select('next.id'))
    .returningAll()
    .execute();
  return rows
    .map(toJob)
    .sort((a, b) => (a.runAfter < b.runAfter ? -1 : a.runAfter > b.runAfter ? 1 : a.id - b.id));
}

/**
 * A job whose last allowed attempt lost its lease (the worker died mid-send) is given up on:
 * claimDue no longer takes it, and without this it would stay "sending" for ever.
 */
export async function failAbandoned(db: Executor, policy: RetryPolicy, now: string): Promise<number> {
  const result = await db
    .updateTable('outbox')
    .set({
      status: 'failed',
      locked_until: null,
      updated_at: now,
      last_error: 'lease expired on the last attempt',
    })
    .where('status', '=', 'sending')
    .where('locked_until', '<=', now)
    .where('attempts', '>=', policy.maxAttempts)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Marks a job sent, only by the holder of its lease. A new `payload` (the letter without its secret
 * links) is written by the same UPDATE: one statement, so the row is sent and redacted together.
 */
export async function markSent(
  db: Executor,
  id: number,
  worker: string,
  now: string,
  payload?: JsonObject,
): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({
      status: 'sent',
      sent_at: now,
      locked_until: null,
      updated_at: now,
      last_error: null,
      ...(payload ? { payload: encodeJson(payload) } : {}),
    })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .where('locked_by', '=', worker)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Reads sent jobs of `kind` by id, a batch at a time, and writes back the payloads `rewrite`
 * changes. Each write is a compare-and-swap on the payload read, and on the status: a row another
 * sweep rewrote meanwhile is left to it (counted once), and only a sent row is ever touched.
 */
export async function rewriteSentPayloads(
  db: Executor,
  kind: string,
  rewrite: PayloadRewrite,
  options: RewriteSentOptions,
  now: string,
): Promise<number> {
  const limit = Math.max(1, options.batchSize);
  let changed = 0;
  let afterId = 0;
  for (;;) {
    const rows = await db
      .selectFrom('outbox')
      .select(['id', 'payload'])
      .where('status', '=', 'sent')
      .where('kind', '=', kind)
      .where('id', '>', afterId)
      .$if(options.onlyIfContains !== undefined, (q) => q.where(payloadContains(options.onlyIfContains)))
      .orderBy('id')
      .limit(limit)
      .execute();
    for (const row of rows) {
      const payload = rewrite(decodeJson<JsonObject>(row.payload));
      if (payload === null) continue;
      if (options.dryRun) {
        changed++;
        continue;
      }
      const result = await db
        .updateTable('outbox')
        .set({ payload: encodeJson(payload), updated_at: now })
        .where('id', '=', row.id)
        .where('status', '=', 'sent')
        .where('payload', '=', row.payload)
        .executeTakeFirst();
      changed += Number(result.numUpdatedRows);
    }
    if (rows.length < limit) return changed;
    afterId = rows[rows.length - 1]?.id ?? afterId;
  }
}

/**
 * The `onlyIfContains` filter as SQL: LIKE with the strings' own % _ and backslash escaped (both engines
 * take an ESCAPE clause). SQLite's LIKE ignores ASCII case: the filter may let more rows through,
 * never fewer, and the rewrite decides for each.
 */
function payloadContains(filter: RewriteSentOptions['onlyIfContains']) {
  const pattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const like = (text: string) => sql<boolean>`payload like ${pattern(text)} escape '\\'`;
  const anyOf = filter?.anyOf ?? [];
  const some = anyOf.length > 0 ? sql.join(anyOf.map(like), sql` or `) : sql`false`;
  const unless = filter?.unlessContains;
  return unless === undefined ? sql<boolean>`(${some})` : sql<boolean>`(${some}) and not ${like(unless)}`;
}

/** Exponential backoff: base, 2×base, 4×base… capped. `attempts` counts the one that just failed. */
export function retryDelayMs(attempts: number, policy: RetryPolicy): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

export async function markFailed(
  db: Executor,
  id: number,
  worker: string,
  error: string,
  policy: RetryPolicy,
  now: string,
): Promise<FailureOutcome> {
  const held = await db
    .selectFrom('outbox')
    .select('attempts')
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .where('locked_by', '=', worker)
    .executeTakeFirst();
  if (!held) return 'not-held';
  const giveUp = held.attempts >= policy.maxAttempts;
  const result = await db
    .updateTable('outbox')
    .set({
      status: giveUp ? 'failed' : 'pending',
      run_after: giveUp ? now : addMs(now, retryDelayMs(held.attempts, policy)),
      locked_until: null,
      last_error: error.slice(0, LAST_ERROR_MAX),
      updated_at: now,
    })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .where('locked_by', '=', worker)
    .where('attempts', '=', held.attempts)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return 'not-held';
  return giveUp ? 'failed' : 'retry';
}

export async function getJob(db: Executor, id: number): Promise<OutboxJob | null> {
  const row = await db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toJob(row) : null;
}

function toJob(row: Selectable<OutboxTable>): OutboxJob {
  return {
    id: row.id,
    kind: row.kind,
    payload: decodeJson<JsonObject>(row.payload),
    status: row.status as OutboxStatus,
    attempts: row.attempts,
    runAfter: row.run_after,
    lockedUntil: row.locked_until,
    lockedBy: row.locked_by,
    lastError: row.last_error,
    dedupeKey: row.dedupe_key,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}
