import type { Selectable } from 'kysely';
import type { CallRecord } from '../../../ports/call-store.js';
import type { IdGenerator } from '../../../ports/id-generator.js';
import type { JsonObject } from '../../../ports/json.js';
import { decodeJson, encodeJson } from '../codec.js';
import type { CallsTable } from '../schema.js';
import type { Executor } from '../transaction.js';

/** Creates the call, or replaces the data of the call with this slug (its id never changes). */
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
      oc
        .column('slug')
        .doUpdateSet((eb) => ({ data: eb.ref('excluded.data'), updated_at: eb.ref('excluded.updated_at') })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return toCall(row);
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

function toCall(row: Selectable<CallsTable>): CallRecord {
  return { id: row.id, slug: row.slug, data: decodeJson<JsonObject>(row.data), createdAt: row.created_at };
}
