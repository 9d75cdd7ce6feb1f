import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { type DbHandle, type Dialect, openDatabase } from '../../../src/adapters/db/connect.js';
import { describePostgresUrl, openPostgres } from '../../../src/adapters/db/postgres.js';

/** A fresh, empty database for one group of tests, dropped afterwards. */
export interface TestDatabase {
  handle: DbHandle;
  dialect: Dialect;
  /** A second, independent connection (pool, or SQLite handle) to the same database. */
  openPeer(): Promise<DbHandle>;
  drop(): Promise<void>;
}

export type MakeDatabase = () => Promise<TestDatabase>;

export const DEFAULT_TEST_URL = 'postgres://postgres@127.0.0.1:5432/test';

export function testDatabaseUrl(): string {
  return process.env.APPEL_TEST_DATABASE_URL || DEFAULT_TEST_URL;
}

/** Each call gives a new SQLite file in its own temporary folder. */
export const makeSqlite: MakeDatabase = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'appel-db-'));
  const file = join(dir, 'appel.sqlite');
  const peers: DbHandle[] = [];
  const handle = await openDatabase({ kind: 'sqlite', file });
  return {
    handle,
    dialect: 'sqlite',
    openPeer: async () => {
      const peer = await openDatabase({ kind: 'sqlite', file });
      peers.push(peer);
      return peer;
    },
    drop: async () => {
      for (const h of [...peers, handle]) await h.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

let schemaCounter = 0;

/** A schema name no parallel run can share: process id, a counter, and randomness. */
export function freshSchemaName(): string {
  const random = Math.random().toString(36).slice(2, 8);
  return `appel_test_${process.pid}_${++schemaCounter}_${random}`;
}

/** Each call gives a new schema in the test database; the pools work in it through search_path. */
export function makePostgres(url: string): MakeDatabase {
  return async () => {
    const schema = freshSchemaName();
    const admin = openPostgres(url, { max: 1 });
    await sql`create schema ${sql.id(schema)}`.execute(admin);
    const peers: DbHandle[] = [];
    const handle = await openDatabase({ kind: 'postgres', url, schema });
    return {
      handle,
      dialect: 'postgres',
      openPeer: async () => {
        const peer = await openDatabase({ kind: 'postgres', url, schema });
        peers.push(peer);
        return peer;
      },
      drop: async () => {
        for (const h of [...peers, handle]) await h.close();
        await sql`drop schema ${sql.id(schema)} cascade`.execute(admin);
        await admin.destroy();
      },
    };
  };
}

/**
 * A new schema in the test database and the DATABASE_URL that works in it (search_path), for
 * tests that open whole contexts as the commands do; drop() removes it and all it holds.
 */
export async function freshPostgresSchema(
  url = testDatabaseUrl(),
): Promise<{ schema: string; databaseUrl: string; drop(): Promise<void> }> {
  const schema = freshSchemaName();
  const admin = openPostgres(url, { max: 1 });
  await sql`create schema ${sql.id(schema)}`.execute(admin);
  const inSchema = new URL(url);
  inSchema.searchParams.set('options', `-c search_path=${schema}`);
  return {
    schema,
    databaseUrl: inSchema.toString(),
    drop: async () => {
      await sql`drop schema ${sql.id(schema)} cascade`.execute(admin);
      await admin.destroy();
    },
  };
}

/** Whether PostgreSQL answers at `url`, and the reason when it does not (no password in it). */
export async function probePostgres(url: string): Promise<{ ok: true } | { ok: false; reason: string }> {
  try {
    const handle = await openDatabase({ kind: 'postgres', url, max: 1 });
    await handle.close();
    return { ok: true };
  } catch {
    return {
      ok: false,
      reason: `PostgreSQL does not answer at ${describePostgresUrl(url)}`,
    };
  }
}

/**
 * The environment in which a test's contexts open their database, as the commands do: on SQLite
 * none (each data folder's own file), on PostgreSQL a fresh schema; drop() removes what was made.
 */
export async function contextDatabase(
  dialect: 'sqlite' | 'postgres',
): Promise<{ env: NodeJS.ProcessEnv; schema?: string; drop(): Promise<void> }> {
  if (dialect === 'sqlite') return { env: {}, drop: async () => {} };
  const fresh = await freshPostgresSchema();
  return { env: { DATABASE_URL: fresh.databaseUrl }, schema: fresh.schema, drop: fresh.drop };
}
