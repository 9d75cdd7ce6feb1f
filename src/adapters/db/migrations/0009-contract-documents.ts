import { type Kysely, type RawBuilder, sql } from 'kysely';

/*
 * FROZEN: this migration describes the table as it was when written. Never edit it once
 * released; change the schema with a new numbered file. It uses Kysely<any> and imports nothing
 * from the application, so later changes cannot alter it.
 *
 * The publishing contract as files: the contract the coordinators put on a submission, and the
 * signed copies the author sends back. The bytes are in the file store under their hash (and in
 * the files table, which keeps them from the sweep); a row is never deleted: a replaced contract
 * stays on record, the latest one is in force.
 */

type MigrationDialect = 'sqlite' | 'postgres';

function timestamp(dialect: MigrationDialect): RawBuilder<unknown> {
  return dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
}

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not see the live table types
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  await db.schema
    .createTable('contract_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('submission_id', 'text', (c) => c.notNull().references('submissions.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('contract', 'signed')`))
    .addColumn('file_sha256', 'text', (c) => c.notNull().references('files.sha256'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull().check(sql`byte_size > 0`))
    .addColumn('added_by_kind', 'text', (c) =>
      c.notNull().check(sql`added_by_kind in ('coordinator', 'author')`),
    )
    .addColumn('added_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('added_at', timestamp(dialect), (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('contract_documents_submission')
    .on('contract_documents')
    .columns(['submission_id', 'added_at'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not see the live table types
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('contract_documents').execute();
}
