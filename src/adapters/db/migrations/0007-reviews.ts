import { type Kysely, type RawBuilder, sql } from 'kysely';

/*
 * FROZEN: this migration describes the table as it was when written. Never edit it once
 * released; change the schema with a new numbered file. It uses Kysely<any> and imports nothing
 * from the application, so later changes cannot alter it.
 *
 * Blind review: a request to read one version of a submission, sent to a reader's address with a
 * private link (only the SHA-256 of its token is kept, as for the authors' links), and the
 * reader's opinion once given. A row is never deleted: a cancelled request stays on record.
 */

type MigrationDialect = 'sqlite' | 'postgres';

function timestamp(dialect: MigrationDialect): RawBuilder<unknown> {
  return dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
}

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not see the live table types
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const ts = timestamp(dialect);
  await db.schema
    .createTable('reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('submission_id', 'text', (c) => c.notNull().references('submissions.id'))
    .addColumn('version_number', 'integer', (c) => c.notNull().check(sql`version_number >= 1`))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique().check(sql`length(token_hash) = 64`))
    .addColumn('reader_name', 'text', (c) => c.notNull())
    .addColumn('reader_email', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('note', 'text')
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('invited', 'submitted', 'declined', 'cancelled')`),
    )
    .addColumn('asked_at', ts, (c) => c.notNull())
    .addColumn('asked_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('recommendation', 'text', (c) =>
      c.check(sql`recommendation is null or recommendation in ('accept', 'revisions', 'decline')`),
    )
    .addColumn('for_authors', 'text')
    .addColumn('for_committee', 'text')
    .addColumn('answered_at', ts)
    // An opinion given has its recommendation and its words for the authors.
    .addCheckConstraint(
      'reviews_opinion_complete',
      sql`state <> 'submitted' or (recommendation is not null and for_authors is not null)`,
    )
    .execute();
  await db.schema
    .createIndex('reviews_submission')
    .on('reviews')
    .columns(['submission_id', 'asked_at'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not see the live table types
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reviews').execute();
}
