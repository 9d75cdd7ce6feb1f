import { type Kysely, type RawBuilder, sql } from 'kysely';

/*
 * FROZEN: this migration describes the table as it was when written. Never edit it once
 * released; change the schema with a new numbered file. It uses Kysely<any> and imports nothing
 * from the application, so later changes cannot alter it.
 *
 * The order of the texts in the issue, as the coordinators set it: one row per text placed, its
 * position in the call's table of contents. A text without a row comes after the ordered ones, in
 * the default order (line of inquiry, then arrival).
 */

type MigrationDialect = 'sqlite' | 'postgres';

function timestamp(dialect: MigrationDialect): RawBuilder<unknown> {
  return dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
}

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not see the live table types
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  await db.schema
    .createTable('issue_order')
    .addColumn('submission_id', 'text', (c) => c.primaryKey().references('submissions.id'))
    .addColumn('call_id', 'text', (c) => c.notNull().references('calls.id'))
    .addColumn('position', 'integer', (c) => c.notNull().check(sql`position >= 1`))
    .addColumn('updated_at', timestamp(dialect), (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('issue_order_call')
    .on('issue_order')
    .columns(['call_id', 'position'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not see the live table types
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('issue_order').execute();
}
