import { type ColumnDefinitionBuilder, type Kysely, type RawBuilder, sql } from 'kysely';

/*
 * FROZEN: this migration describes the tables as they were when it was written. Never edit it
 * once released; change the schema with a new numbered file. It uses Kysely<any> and imports
 * nothing from the application (not even 0001's helpers), so later changes cannot alter it.
 *
 * The message ledger: one row per raw message (or upload) taken in, written in the same
 * transaction as what the message caused. A re-delivered message is recognised by the SHA-256
 * of its bytes, and an IMAP message also by (mailbox, UIDVALIDITY, UID).
 */

type MigrationDialect = 'sqlite' | 'postgres';

function timestamp(dialect: MigrationDialect): RawBuilder<unknown> {
  return dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
}

function identity(dialect: MigrationDialect) {
  return (col: ColumnDefinitionBuilder) =>
    dialect === 'postgres'
      ? col.primaryKey().generatedByDefaultAsIdentity()
      : col.primaryKey().autoIncrement();
}

// IMAP UIDs and UIDVALIDITY values are unsigned 32-bit numbers (RFC 9051 nz-number): up to
// 4,294,967,295, past PostgreSQL's integer. bigint holds them (SQLite's integer is 64-bit anyway).
const imapNumber = (name: string) => sql`${sql.ref(name)} between 1 and 4294967295`;

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not see the live table types
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const ts = timestamp(dialect);

  // No CHECK on source_kind or outcome: those lists belong to the port and may grow.
  await db.schema
    .createTable('messages')
    .addColumn('id', 'integer', identity(dialect))
    .addColumn('sha256', 'text', (c) => c.notNull().unique().check(sql`length(sha256) = 64`))
    .addColumn('call_id', 'text', (c) => c.notNull().references('calls.id'))
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('source_location', 'text', (c) => c.notNull())
    .addColumn('mailbox', 'text')
    .addColumn('uid_validity', 'bigint', (c) => c.check(imapNumber('uid_validity')))
    .addColumn('uid', 'bigint', (c) => c.check(imapNumber('uid')))
    .addColumn('message_id', 'text')
    .addColumn('sender_key', 'text')
    .addColumn('received_at', ts, (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('submission_id', 'text', (c) => c.references('submissions.id'))
    .addColumn('replied', 'integer', (c) => c.notNull().defaultTo(0).check(sql`replied in (0, 1)`))
    .addColumn('detail', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    // NULLs never collide in a unique constraint (on both databases): messages without an IMAP
    // identity (files, uploads) are free of it, and only a complete identity can repeat.
    .addUniqueConstraint('messages_imap_identity', ['mailbox', 'uid_validity', 'uid'])
    // An IMAP identity is all three parts or none of UIDVALIDITY and UID (a mailbox alone may
    // name a Maildir folder).
    .addCheckConstraint(
      'messages_imap_identity_complete',
      sql`(uid is null and uid_validity is null) or (uid is not null and uid_validity is not null and mailbox is not null)`,
    )
    .execute();

  // Threading: a reply names earlier Message-IDs, looked up within the call.
  await db.schema
    .createIndex('messages_call_message_id')
    .on('messages')
    .columns(['call_id', 'message_id'])
    .execute();
  // A sender's earlier messages, and the automatic replies queued for them since an instant.
  await db.schema
    .createIndex('messages_sender')
    .on('messages')
    .columns(['sender_key', 'created_at'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not see the live table types
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('messages').execute();
}
