import type { Selectable } from 'kysely';
import type { Status } from '../../../domain/submission/status.js';
import type {
  ActorKind,
  EventChannel,
  EventDetail,
  EventRecord,
  NewEvent,
} from '../../../ports/submission-records.js';
import { decodeJsonOrNull, encodeJsonOrNull } from '../codec.js';
import type { EventsTable } from '../schema.js';
import type { Executor } from '../transaction.js';

export interface EventStatuses {
  from: Status | null;
  to: Status | null;
}

/** Appends one event to the audit log; its id orders it after every earlier event. */
export async function insertEvent(
  db: Executor,
  submissionId: string,
  event: NewEvent,
  statuses: EventStatuses,
  at: string,
): Promise<EventRecord> {
  assertNoPersonalData(event.detail);
  const row = await db
    .insertInto('events')
    .values({
      submission_id: submissionId,
      at,
      actor_kind: event.actor.kind,
      actor_id: event.actor.id ?? null,
      channel: event.channel,
      action: event.action,
      from_status: statuses.from,
      to_status: statuses.to,
      detail: encodeJsonOrNull(event.detail),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toEvent(row);
}

/** Oldest first: by id, which follows commit order of the inserts, not the clocks of the writers. */
export async function listEvents(db: Executor, submissionId: string): Promise<EventRecord[]> {
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('submission_id', '=', submissionId)
    .orderBy('id')
    .execute();
  return rows.map(toEvent);
}

function toEvent(row: Selectable<EventsTable>): EventRecord {
  return {
    id: row.id,
    submissionId: row.submission_id,
    at: row.at,
    actor:
      row.actor_id === null
        ? { kind: row.actor_kind as ActorKind }
        : { kind: row.actor_kind as ActorKind, id: row.actor_id },
    channel: row.channel as EventChannel,
    action: row.action,
    fromStatus: row.from_status as Status | null,
    toStatus: row.to_status as Status | null,
    detail: decodeJsonOrNull<EventDetail>(row.detail),
  };
}

const PERSONAL_KEY = /phone|t[ée]l|address|adresse|e-?mail|courriel|postal/i;
const EMAIL_LIKE = /[^\s@]+@[^\s@]+\.[^\s@]+/;

/**
 * The audit log is kept forever and read by every coordinator: it holds codes and figures, never
 * contact details. A cheap guard against the obvious mistakes; the message names the key only.
 */
function assertNoPersonalData(detail: EventDetail | undefined): void {
  if (!detail) return;
  for (const [key, value] of Object.entries(detail)) {
    if (PERSONAL_KEY.test(key) || (typeof value === 'string' && EMAIL_LIKE.test(value))) {
      throw new Error(`Event detail "${key}" looks like personal data; store an identifier instead.`);
    }
  }
}
