import type { Kysely } from 'kysely';

/*
 * FROZEN: this migration describes the table as it was when written. Never edit it once
 * released; change the schema with a new numbered file. It uses Kysely<any> and imports nothing
 * from the application, so later changes cannot alter it.
 *
 * The call's revision: a counter raised by every write of the row, so that a change made from
 * what was read (a deadline extension) is written only if nobody wrote in between (compare and
 * swap), instead of silently replacing another process's change. Existing rows start at 0.
 */

type MigrationDialect = 'sqlite' | 'postgres';

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not see the live table types
export async function up(db: Kysely<any>, _dialect: MigrationDialect): Promise<void> {
  await db.schema
    .alterTable('calls')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not see the live table types
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('calls').dropColumn('revision').execute();
}
