import { type Kysely, type RawBuilder, sql } from 'kysely';

/*
 * FROZEN: this migration describes the table as it was when written. Never edit it once
 * released; change the schema with a new numbered file. It uses Kysely<any> and imports nothing
 * from the application, so later changes cannot alter it.
 *
 * The files a reader sends with their opinion: the file as sent (for the committee), and — when
 * one could be made — a copy without the reader's name, which the author may be given with the
 * decision (shared_at says when). The bytes are in the file store under their hash (and in the
 * files table, which keeps them from the sweep); a row is never deleted.
 */

type MigrationDialect = 'sqlite' | 'postgres';

function timestamp(dialect: MigrationDialect): RawBuilder<unknown> {
  return dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
}

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not see the live table types
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const ts = timestamp(dialect);
  await db.schema
    .createTable('review_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('review_id', 'text', (c) => c.notNull().references('reviews.id'))
    .addColumn('submission_id', 'text', (c) => c.notNull().references('submissions.id'))
    .addColumn('file_sha256', 'text', (c) => c.notNull().references('files.sha256'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull().check(sql`byte_size > 0`))
    .addColumn('anonymised_sha256', 'text', (c) => c.references('files.sha256'))
    .addColumn('anonymised_byte_size', 'integer', (c) =>
      c.check(sql`anonymised_byte_size is null or anonymised_byte_size > 0`),
    )
    .addColumn('added_at', ts, (c) => c.notNull())
    .addColumn('shared_at', ts)
    // The anonymised copy is its hash and its size, or nothing.
    .addCheckConstraint(
      'review_files_anonymised_complete',
      sql`(anonymised_sha256 is null and anonymised_byte_size is null) or (anonymised_sha256 is not null and anonymised_byte_size is not null)`,
    )
    // Only an anonymised copy is ever shared with the author.
    .addCheckConstraint('review_files_shared_copy', sql`shared_at is null or anonymised_sha256 is not null`)
    .execute();
  await db.schema
    .createIndex('review_files_submission')
    .on('review_files')
    .columns(['submission_id', 'added_at'])
    .execute();
  await db.schema.createIndex('review_files_review').on('review_files').column('review_id').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not see the live table types
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('review_files').execute();
}
