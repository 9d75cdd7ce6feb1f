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
 * Each migration runs in a transaction (both dialects have transactional DDL). On PostgreSQL
 * the Migrator's look at existing tables reads the connection's own schema only
 * (own-schema-introspector.ts), so a neighbour schema changing meanwhile cannot fail it.
 */
export async function migrateToLatest(handle: DbHandle): Promise<MigrationReport> {
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
 * On PostgreSQL, Kysely's Migrator looks for its bookkeeping tables in EVERY schema unless told which
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
