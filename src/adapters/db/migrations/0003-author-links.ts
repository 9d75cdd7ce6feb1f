import { type Kysely, type RawBuilder, sql } from 'kysely';

/*
 * FROZEN: this migration describes the table as it was when written. Never edit it once
 * released; change the schema with a new numbered file. It uses Kysely<any> and imports nothing
 * from the application, so later changes cannot alter it.
 *
 * The authors' private links (/suivi/<token>): only the SHA-256 of each token is kept, so the
 * database alone opens no submission. A revoked link keeps its row (the record of what was given).
 */

type MigrationDialect = 'sqlite' | 'postgres';

function timestamp(dialect: MigrationDialect): RawBuilder<unknown> {
  return dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
}

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not see the live table types
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const ts = timestamp(dialect);
  await db.schema
    .createTable('author_links')
    .addColumn('token_hash', 'text', (c) => c.primaryKey().check(sql`length(token_hash) = 64`))
    .addColumn('submission_id', 'text', (c) => c.notNull().references('submissions.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('revoked_at', ts)
    .execute();
  await db.schema
    .createIndex('author_links_submission')
    .on('author_links')
    .columns(['submission_id', 'created_at'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not see the live table types
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('author_links').execute();
}
