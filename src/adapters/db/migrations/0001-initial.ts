import { type ColumnDefinitionBuilder, type Kysely, type RawBuilder, sql } from 'kysely';

/*
 * FROZEN: this migration describes the tables as they were when it was written. Never edit it
 * once released; change the schema with a new numbered file. It uses Kysely<any> and imports
 * nothing from the application, so later changes to the live types cannot alter it.
 */

type MigrationDialect = 'sqlite' | 'postgres';

// Timestamps are ISO 8601 UTC text (why: adapters/db/codec.ts). On PostgreSQL, COLLATE "C"
// makes text comparison byte order, whatever the database's locale.
function timestamp(dialect: MigrationDialect): RawBuilder<unknown> {
  return dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
}

function identity(dialect: MigrationDialect) {
  return (col: ColumnDefinitionBuilder) =>
    dialect === 'postgres'
      ? col.primaryKey().generatedByDefaultAsIdentity()
      : col.primaryKey().autoIncrement();
}

const flag = (name: string) => sql`${sql.ref(name)} in (0, 1)`;

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not see the live table types
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const ts = timestamp(dialect);

  await db.schema
    .createTable('calls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  // No CHECK on status: the list of statuses belongs to the lifecycle, which may grow.
  await db.schema
    .createTable('submissions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('call_id', 'text', (c) => c.notNull().references('calls.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('email', 'web', 'cli')`))
    .addColumn('axis', 'text')
    .addColumn('received_at', ts, (c) => c.notNull())
    // Not a foreign key: authors reference submissions, and a cycle would need deferred checks.
    .addColumn('contact_author_id', 'text')
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0).check(flag('late')))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('submissions_call_idempotency_key', ['call_id', 'idempotency_key'])
    .execute();
  await db.schema
    .createIndex('submissions_call_received')
    .on('submissions')
    .columns(['call_id', 'received_at'])
    .execute();

  await db.schema
    .createTable('authors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('submission_id', 'text', (c) => c.notNull().references('submissions.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('given_name', 'text', (c) => c.notNull())
    .addColumn('surname', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('postal_address', 'text')
    .addColumn('is_contact', 'integer', (c) => c.notNull().defaultTo(0).check(flag('is_contact')))
    .addColumn('requested_order', 'integer', (c) => c.notNull().defaultTo(0).check(flag('requested_order')))
    .addUniqueConstraint('authors_submission_position', ['submission_id', 'position'])
    .execute();

  await db.schema
    .createTable('files')
    .addColumn('sha256', 'text', (c) => c.primaryKey().check(sql`length(sha256) = 64`))
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('manuscript_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('submission_id', 'text', (c) => c.notNull().references('submissions.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull().references('files.sha256'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('analysis', 'text')
    .addColumn('signes_total', 'integer')
    .addColumn('received_at', ts, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('manuscript_versions_submission_number', ['submission_id', 'number'])
    .execute();

  await db.schema
    .createTable('findings')
    .addColumn('id', 'integer', identity(dialect))
    .addColumn('submission_id', 'text', (c) => c.notNull().references('submissions.id'))
    .addColumn('version_id', 'text', (c) => c.references('manuscript_versions.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull().check(sql`severity in ('error', 'warning', 'info')`))
    .addColumn('message_fr', 'text', (c) => c.notNull())
    .addColumn('message_en', 'text', (c) => c.notNull())
    .addColumn('fix_fr', 'text')
    .addColumn('fix_en', 'text')
    .addColumn('data', 'text')
    .execute();
  await db.schema.createIndex('findings_submission').on('findings').column('submission_id').execute();

  // The audit log. Its identity column gives the order events happened in, even within one millisecond.
  await db.schema
    .createTable('events')
    .addColumn('id', 'integer', identity(dialect))
    .addColumn('submission_id', 'text', (c) => c.notNull().references('submissions.id'))
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('detail', 'text')
    .execute();
  await db.schema.createIndex('events_submission').on('events').columns(['submission_id', 'id']).execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'integer', identity(dialect))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('pending', 'sending', 'sent', 'failed')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('run_after', ts, (c) => c.notNull())
    .addColumn('locked_until', ts)
    .addColumn('locked_by', 'text')
    .addColumn('last_error', 'text')
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('sent_at', ts)
    .execute();
  await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'run_after']).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not see the live table types
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'outbox',
    'events',
    'findings',
    'manuscript_versions',
    'files',
    'authors',
    'submissions',
    'calls',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
