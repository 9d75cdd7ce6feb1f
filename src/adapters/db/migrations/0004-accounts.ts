import { type Kysely, type RawBuilder, sql } from 'kysely';

/*
 * FROZEN: this migration describes the tables as they were when it was written. Never edit it
 * once released; change the schema with a new numbered file. It uses Kysely<any> and imports
 * nothing from the application, so later changes cannot alter it.
 *
 * The desk's accounts (coordinators, committee, administrators), their one-time links
 * (invitations, the first administrator's link) and their sessions. Links and session ids are
 * stored as the SHA-256 of their random value, never as given; passwords as argon2id hashes.
 */

type MigrationDialect = 'sqlite' | 'postgres';

function timestamp(dialect: MigrationDialect): RawBuilder<unknown> {
  return dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
}

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not see the live table types
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const ts = timestamp(dialect);

  await db.schema
    .createTable('accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Lower-cased by the application, so that one address is one account.
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('committee', 'coordinator', 'administrator')`),
    )
    .addColumn('password_hash', 'text')
    .addColumn('totp_secret', 'text')
    // A TOTP time step (seconds / 30) stays below 2^31 until the year 3991.
    .addColumn('totp_last_step', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('activated_at', ts)
    .addColumn('disabled_at', ts)
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('account_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey().check(sql`length(token_hash) = 64`))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('invitation', 'bootstrap')`))
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addColumn('used_at', ts)
    .execute();
  await db.schema.createIndex('account_tokens_account').on('account_tokens').column('account_id').execute();

  await db.schema
    .createTable('account_sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey().check(sql`length(id_hash) = 64`))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addColumn('last_seen_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('account_sessions_account')
    .on('account_sessions')
    .column('account_id')
    .execute();
  await db.schema
    .createIndex('account_sessions_expiry')
    .on('account_sessions')
    .column('expires_at')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not see the live table types
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('account_sessions').execute();
  await db.schema.dropTable('account_tokens').execute();
  await db.schema.dropTable('accounts').execute();
}
