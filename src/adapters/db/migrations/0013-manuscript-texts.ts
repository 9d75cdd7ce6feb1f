import { type Kysely, type RawBuilder, sql } from 'kysely';

/*
 * FROZEN: this migration describes the table as it was when written. Never edit it once
 * released; change the schema with a new numbered file. It uses Kysely<any> and imports nothing
 * from the application, so later changes cannot alter it.
 *
 * The desk's search over the manuscripts' words: each stored manuscript's text, folded (no
 * accents, lower case, one kind of apostrophe), keyed by the file's hash. It is derived from the
 * file and never changes with it, so a row is written once, when first needed, and never stale.
 */

type MigrationDialect = 'sqlite' | 'postgres';

function timestamp(dialect: MigrationDialect): RawBuilder<unknown> {
  return dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
}

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not see the live table types
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  await db.schema
    .createTable('manuscript_texts')
    .addColumn('file_sha256', 'text', (c) => c.primaryKey().references('files.sha256'))
    .addColumn('folded', 'text', (c) => c.notNull())
    .addColumn('indexed_at', timestamp(dialect), (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not see the live table types
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('manuscript_texts').execute();
}
