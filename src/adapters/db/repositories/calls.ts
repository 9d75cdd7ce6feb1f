import type { Selectable } from 'kysely';
import type { CallRecord } from '../../../ports/call-store.js';
import type { IdGenerator } from '../../../ports/id-generator.js';
import type { JsonObject } from '../../../ports/json.js';
import { decodeJson, encodeJson } from '../codec.js';
import type { CallsTable } from '../schema.js';
import type { Executor } from '../transaction.js';

/**
 * Creates the call, or replaces the data of the call with this slug (its id never changes).
 * Replacing raises the revision, so that a change made meanwhile from the old data (replaceCall)
 * sees that the row moved on.
 */
export async function saveCall(
  db: Executor,
  ids: IdGenerator,
  slug: string,
  data: JsonObject,
  now: string,
): Promise<CallRecord> {
  const row = await db
    .insertInto('calls')
    .values({ id: ids.newId(), slug, data: encodeJson(data), created_at: now, updated_at: now })
    .onConflict((oc) =>
      oc.column('slug').doUpdateSet((eb) => ({
        data: eb.ref('excluded.data'),
        updated_at: eb.ref('excluded.updated_at'),
        revision: eb(eb.ref('calls.revision'), '+', 1),
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return toCall(row);
}

/**
 * Creates the call unless one with this slug exists, in one INSERT (two processes starting at
 * once cannot both create it, nor the second overwrite the first). Null when it existed.
 */
export async function createCall(
  db: Executor,
  ids: IdGenerator,
  slug: string,
  data: JsonObject,
  now: string,
): Promise<CallRecord | null> {
  const row = await db
    .insertInto('calls')
    .values({ id: ids.newId(), slug, data: encodeJson(data), created_at: now, updated_at: now })
    .onConflict((oc) => oc.column('slug').doNothing())
    .returningAll()
    .executeTakeFirst();
  return row ? toCall(row) : null;
}

/**
 * Compare and swap: replaces the call's data only if its row is still at `expectedRevision`, in
 * one UPDATE (the check and the write cannot be split by another process). Null when the row
 * moved on (or is gone): nothing was written.
 */
export async function replaceCall(
  db: Executor,
  id: string,
  data: JsonObject,
  expectedRevision: number,
  now: string,
): Promise<CallRecord | null> {
  const row = await db
    .updateTable('calls')
    .set((eb) => ({ data: encodeJson(data), updated_at: now, revision: eb(eb.ref('revision'), '+', 1) }))
    .where('id', '=', id)
    .where('revision', '=', expectedRevision)
    .returningAll()
    .executeTakeFirst();
  return row ? toCall(row) : null;
}

export async function findCall(
  db: Executor,
  by: { id: string } | { slug: string },
): Promise<CallRecord | null> {
  const q = db.selectFrom('calls').selectAll();
  const row = await ('id' in by
    ? q.where('id', '=', by.id)
    : q.where('slug', '=', by.slug)
  ).executeTakeFirst();
  return row ? toCall(row) : null;
}

/** Every call, oldest first (a data folder holds one call per issue: a handful of rows). */
export async function listCalls(db: Executor): Promise<CallRecord[]> {
  const rows = await db.selectFrom('calls').selectAll().orderBy('created_at').orderBy('id').execute();
  return rows.map(toCall);
}

function toCall(row: Selectable<CallsTable>): CallRecord {
  return {
    id: row.id,
    slug: row.slug,
    data: decodeJson<JsonObject>(row.data),
    createdAt: row.created_at,
    revision: row.revision,
  };
}
