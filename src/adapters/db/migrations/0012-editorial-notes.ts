import { type Kysely, type RawBuilder, sql } from 'kysely';

/*
 * FROZEN: this migration describes the table as it was when written. Never edit it once
 * released; change the schema with a new numbered file. It uses Kysely<any> and imports nothing
 * from the application, so later changes cannot alter it.
 *
 * The notes the coordinators and the committee write to each other on a submission, never shown
 * outside the desk. A note taken back by its writer keeps its row (who, when, taken back when) and
 * loses its words: body is empty exactly when removed_at is set.
 */

type MigrationDialect = 'sqlite' | 'postgres';

function timestamp(dialect: MigrationDialect): RawBuilder<unknown> {
  return dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
}

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not see the live table types
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const ts = timestamp(dialect);
  await db.schema
    .createTable('editorial_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('submission_id', 'text', (c) => c.notNull().references('submissions.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('written_at', ts, (c) => c.notNull())
    .addColumn('removed_at', ts)
    .addCheckConstraint(
      'editorial_notes_body_until_removed',
      sql`(removed_at is null and length(body) > 0) or (removed_at is not null and body = '')`,
    )
    .execute();
  await db.schema
    .createIndex('editorial_notes_submission')
    .on('editorial_notes')
    .columns(['submission_id', 'written_at'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not see the live table types
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('editorial_notes').execute();
}
