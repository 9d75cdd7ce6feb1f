import type { Selectable } from 'kysely';
import { AppError } from '../../../domain/shared/errors.js';
import type {
  MessageEntry,
  MessageOutcome,
  MessageSourceRef,
  NewMessageEntry,
} from '../../../ports/message-ledger.js';
import type { EventDetail } from '../../../ports/submission-records.js';
import { decodeJsonOrNull, encodeJsonOrNull, fromFlag, toFlag, toIso } from '../codec.js';
import type { MessagesTable } from '../schema.js';
import type { Executor } from '../transaction.js';

/** At most this many Message-IDs are looked up for one message (a hostile References header may hold thousands). */
export const MAX_THREAD_IDS = 100;

/**
 * Records a message. A message already known — same SHA-256, or same (mailbox, UIDVALIDITY, UID)
 * — is MESSAGE_DUPLICATE. The insert says ON CONFLICT DO NOTHING rather than catching the unique
 * violation: on PostgreSQL a failed statement aborts the whole transaction, and the caller's
 * unit of work could then neither go on nor read anything; this way the refusal leaves it usable
 * (and on both databases a concurrent insert of the same message waits, then counts as known).
 */
export async function insertMessage(
  db: Executor,
  entry: NewMessageEntry,
  now: string,
): Promise<MessageEntry> {
  const { source } = entry;
  const row = await db
    .insertInto('messages')
    .values({
      sha256: entry.sha256,
      call_id: entry.callId,
      source_kind: source.kind,
      source_location: source.location,
      mailbox: source.mailbox ?? null,
      uid_validity: source.uidValidity ?? null,
      uid: source.uid ?? null,
      message_id: entry.messageId,
      sender_key: entry.senderKey,
      received_at: toIso(entry.receivedAt),
      outcome: entry.outcome,
      submission_id: entry.submissionId,
      replied: toFlag(entry.replied),
      detail: encodeJsonOrNull(entry.detail),
      created_at: now,
    })
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new AppError('MESSAGE_DUPLICATE', { sha256: entry.sha256.slice(0, 12) });
  return toEntry(row);
}

export async function findBySha256(db: Executor, sha256: string): Promise<MessageEntry | null> {
  const row = await db.selectFrom('messages').selectAll().where('sha256', '=', sha256).executeTakeFirst();
  return row ? toEntry(row) : null;
}

export async function findByImapUid(
  db: Executor,
  mailbox: string,
  uidValidity: number,
  uid: number,
): Promise<MessageEntry | null> {
  const row = await db
    .selectFrom('messages')
    .selectAll()
    .where('mailbox', '=', mailbox)
    .where('uid_validity', '=', uidValidity)
    .where('uid', '=', uid)
    .executeTakeFirst();
  return row ? toEntry(row) : null;
}

/**
 * The submission of the first of `messageIds` (in the order given) that a recorded message of
 * this call carried and that is tied to a submission. When one Message-ID was recorded several
 * times (the same message re-sent with other bytes), its first recording wins.
 */
export async function findSubmissionByMessageIds(
  db: Executor,
  callId: string,
  messageIds: readonly string[],
): Promise<string | null> {
  const wanted = [...new Set(messageIds)].slice(0, MAX_THREAD_IDS);
  if (wanted.length === 0) return null;
  const rows = await db
    .selectFrom('messages')
    .select(['message_id', 'submission_id'])
    .where('call_id', '=', callId)
    .where('message_id', 'in', wanted)
    .where('submission_id', 'is not', null)
    .orderBy('id')
    .execute();
  const byMessageId = new Map<string, string>();
  for (const row of rows) {
    if (row.message_id !== null && row.submission_id !== null && !byMessageId.has(row.message_id)) {
      byMessageId.set(row.message_id, row.submission_id);
    }
  }
  for (const id of wanted) {
    const submission = byMessageId.get(id);
    if (submission) return submission;
  }
  return null;
}

/** Submissions that messages from this sender created in this call, newest message first. */
export async function findSubmissionsBySender(
  db: Executor,
  callId: string,
  senderKey: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('messages')
    .select('submission_id')
    .where('sender_key', '=', senderKey)
    .where('call_id', '=', callId)
    .where('outcome', '=', 'submission' satisfies MessageOutcome)
    .where('submission_id', 'is not', null)
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return [...new Set(rows.flatMap((r) => (r.submission_id === null ? [] : [r.submission_id])))];
}

/**
 * Automatic replies queued for this sender, in any call, since `since` — on the store's clock
 * (when the entry was recorded, which is when its reply was queued), never on a time taken from
 * the message itself, which a looping robot could send as it likes.
 */
export async function countRepliesSince(db: Executor, senderKey: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('sender_key', '=', senderKey)
    .where('created_at', '>=', since)
    .where('replied', '=', 1)
    .executeTakeFirstOrThrow();
  // pg returns count(*) (a bigint) as a string.
  return Number(row.n);
}

function toEntry(row: Selectable<MessagesTable>): MessageEntry {
  const source: MessageSourceRef = {
    kind: row.source_kind as MessageSourceRef['kind'],
    location: row.source_location,
  };
  if (row.mailbox !== null) source.mailbox = row.mailbox;
  if (row.uid_validity !== null) source.uidValidity = Number(row.uid_validity);
  if (row.uid !== null) source.uid = Number(row.uid);
  const entry: MessageEntry = {
    id: row.id,
    sha256: row.sha256,
    callId: row.call_id,
    source,
    messageId: row.message_id,
    senderKey: row.sender_key,
    receivedAt: row.received_at,
    outcome: row.outcome as MessageOutcome,
    submissionId: row.submission_id,
    replied: fromFlag(row.replied),
    createdAt: row.created_at,
  };
  const detail = decodeJsonOrNull<EventDetail>(row.detail);
  if (detail !== null) entry.detail = detail;
  return entry;
}
