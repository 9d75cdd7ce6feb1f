import { type Kysely, type RawBuilder, sql } from 'kysely';

/*
 * FROZEN: this migration describes the table as it was when written. Never edit it once
 * released; change the schema with a new numbered file. It uses Kysely<any> and imports nothing
 * from the application, so later changes cannot alter it.
 *
 * Sign-in attempts, counted in the database so that every instance of the desk sees the same
 * count. A key is a keyed hash (HMAC-SHA-256) of what is limited (a client address, an account's
 * address), never the address itself. Each key has at most `max` rows, one per slot: an attempt
 * takes a free slot or one whose attempt has left the window (`expires_at`), in one statement, so
 * two instances cannot both take the last one. Expired rows are deleted as attempts come in.
 */

type MigrationDialect = 'sqlite' | 'postgres';

function timestamp(dialect: MigrationDialect): RawBuilder<unknown> {
  return dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
}

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not see the live table types
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const ts = timestamp(dialect);
  await db.schema
    .createTable('sign_in_attempts')
    .addColumn('key_hash', 'text', (c) => c.notNull().check(sql`length(key_hash) = 64`))
    .addColumn('slot', 'integer', (c) => c.notNull().check(sql`slot >= 0`))
    .addColumn('at', ts, (c) => c.notNull())
    // The end of the window the attempt counts in: a row past it is free, and may be deleted.
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('sign_in_attempts_pkey', ['key_hash', 'slot'])
    .execute();
  await db.schema
    .createIndex('sign_in_attempts_expiry')
    .on('sign_in_attempts')
    .column('expires_at')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not see the live table types
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sign_in_attempts').execute();
}
