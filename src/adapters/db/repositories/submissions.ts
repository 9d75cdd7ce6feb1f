import type { Selectable } from 'kysely';
import { AppError } from '../../../domain/shared/errors.js';
import type { Status } from '../../../domain/submission/status.js';
import type {
  Channel,
  NewSubmission,
  SubmissionFilter,
  SubmissionSummary,
} from '../../../ports/submission-records.js';
import { fromFlag, toFlag, toIso } from '../codec.js';
import { isUniqueViolation } from '../db-errors.js';
import type { SubmissionsTable } from '../schema.js';
import type { Executor } from '../transaction.js';

/** Inserts the submission row; a second sending with the same idempotency key is SUBMISSION_DUPLICATE. */
export async function insertSubmission(
  db: Executor,
  id: string,
  input: NewSubmission,
  now: string,
): Promise<SubmissionSummary> {
  try {
    const row = await db
      .insertInto('submissions')
      .values({
        id,
        call_id: input.callId,
        status: input.status,
        title: input.title,
        channel: input.channel,
        axis: input.axis,
        received_at: toIso(input.receivedAt),
        contact_author_id: null,
        idempotency_key: input.idempotencyKey,
        late: toFlag(input.late),
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toSummary(row);
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('SUBMISSION_DUPLICATE');
    throw e;
  }
}

export async function setContactAuthor(
  db: Executor,
  submissionId: string,
  authorId: string | null,
): Promise<void> {
  await db
    .updateTable('submissions')
    .set({ contact_author_id: authorId })
    .where('id', '=', submissionId)
    .execute();
}

export async function findSummary(db: Executor, id: string): Promise<SubmissionSummary | null> {
  const row = await db.selectFrom('submissions').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toSummary(row) : null;
}

export async function findIdByKey(db: Executor, callId: string, key: string): Promise<string | null> {
  const row = await db
    .selectFrom('submissions')
    .select('id')
    .where('call_id', '=', callId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function listByCall(
  db: Executor,
  callId: string,
  filter: SubmissionFilter = {},
): Promise<SubmissionSummary[]> {
  let q = db.selectFrom('submissions').selectAll().where('call_id', '=', callId);
  if (filter.status?.length) q = q.where('status', 'in', filter.status);
  if (filter.late !== undefined) q = q.where('late', '=', toFlag(filter.late));
  if (filter.channel) q = q.where('channel', '=', filter.channel);
  if (filter.receivedFrom) q = q.where('received_at', '>=', toIso(filter.receivedFrom));
  if (filter.receivedBefore) q = q.where('received_at', '<', toIso(filter.receivedBefore));
  q = q.orderBy('received_at').orderBy('id');
  // SQLite accepts OFFSET only with a LIMIT: a large one stands for "all" when only an offset is given.
  if (filter.limit !== undefined || filter.offset !== undefined) {
    q = q.limit(filter.limit ?? 1_000_000).offset(filter.offset ?? 0);
  }
  return (await q.execute()).map(toSummary);
}

export async function countByStatus(db: Executor, callId: string): Promise<Partial<Record<Status, number>>> {
  const rows = await db
    .selectFrom('submissions')
    .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('call_id', '=', callId)
    .groupBy('status')
    .execute();
  // pg returns count(*) (a bigint) as a string.
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/**
 * The optimistic lock: moves the row to `to` only if nobody changed it since `expectedVersion`.
 * Returns the updated row, or throws STALE_UPDATE / SUBMISSION_NOT_FOUND.
 */
export async function updateStatusIfVersion(
  db: Executor,
  id: string,
  expectedVersion: number,
  to: Status,
  now: string,
): Promise<SubmissionSummary> {
  const row = await db
    .updateTable('submissions')
    .set((eb) => ({ status: to, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
  if (row) return toSummary(row);
  const current = await findSummary(db, id);
  if (!current) throw new AppError('SUBMISSION_NOT_FOUND', { id });
  throw new AppError('STALE_UPDATE', { expected: expectedVersion, actual: current.version });
}

/**
 * Moves the version counter on without a check (a new manuscript version changes what any
 * pending decision was based on). On PostgreSQL the update also locks the row until commit,
 * which serialises concurrent additions to one submission.
 */
export async function touchSubmission(db: Executor, id: string, now: string): Promise<SubmissionSummary> {
  const row = await db
    .updateTable('submissions')
    .set((eb) => ({ updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new AppError('SUBMISSION_NOT_FOUND', { id });
  return toSummary(row);
}

export function toSummary(row: Selectable<SubmissionsTable>): SubmissionSummary {
  return {
    id: row.id,
    callId: row.call_id,
    status: row.status as Status,
    title: row.title,
    channel: row.channel as Channel,
    axis: row.axis,
    receivedAt: row.received_at,
    contactAuthorId: row.contact_author_id,
    idempotencyKey: row.idempotency_key,
    late: fromFlag(row.late),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}
