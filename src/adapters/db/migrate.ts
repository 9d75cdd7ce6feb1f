import { Migrator, sql } from 'kysely';
import { AppError } from '../../domain/shared/errors.js';
import type { DbHandle } from './connect.js';
import { driverMessage } from './db-errors.js';
import { staticMigrationProvider } from './migrations/index.js';

export interface MigrationReport {
  /** Names of the migrations this run applied, in order; empty when already up to date. */
  applied: string[];
}

/**
 * Brings the schema up to date. Kysely's Migrator records applied migrations in its own tables
 * and holds a lock while it runs, so two processes starting together apply each step once.
 * Each migration runs in a transaction (both dialects have transactional DDL).
 */
export async function migrateToLatest(handle: DbHandle): Promise<MigrationReport> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await migrateOnce(handle);
    } catch (e) {
      if (attempt >= 5 || !isOtherSchemaGone(e)) throw e;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

/**
 * Kysely's Migrator introspects the tables of every schema before it starts; when another schema
 * is dropped at that moment (another journal removed, a parallel test run ending), PostgreSQL
 * answers « schema … does not exist » for a schema that is not ours. Trying again is enough.
 */
function isOtherSchemaGone(e: unknown): boolean {
  return e instanceof AppError && /schema "[^"]+" does not exist/.test(String(e.params.detail ?? ''));
}

async function migrateOnce(handle: DbHandle): Promise<MigrationReport> {
  const migrator = new Migrator({
    db: handle.db,
    provider: staticMigrationProvider(handle.dialect),
    ...(handle.dialect === 'postgres' ? { migrationTableSchema: await currentSchema(handle) } : {}),
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName ?? '(lock)';
    throw new AppError('DATABASE_MIGRATION_FAILED', { migration: failed, detail: driverMessage(error) });
  }
  return { applied: results.filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

/**
 * On PostgreSQL the Migrator looks for its bookkeeping tables in EVERY schema unless told which
 * one: with several databases of appel side by side in one PostgreSQL database (one schema per
 * journal, or per test run), it would find another schema's tables, skip creating its own, and
 * fail. Naming the schema the connection works in keeps each schema's migrations to itself.
 */
async function currentSchema(handle: DbHandle): Promise<string> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(handle.db);
  const schema = rows[0]?.schema;
  if (!schema)
    throw new AppError('DATABASE_MIGRATION_FAILED', {
      migration: '(schema)',
      detail: 'no current schema (search_path)',
    });
  return schema;
}
