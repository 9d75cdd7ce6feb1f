import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { AppError } from '../../domain/shared/errors.js';
import { describePostgresUrl, openPostgres } from './postgres.js';
import type { Database } from './schema.js';
import { openSqlite } from './sqlite.js';

export type Dialect = 'sqlite' | 'postgres';

export type DatabaseTarget =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string; schema?: string; max?: number };

/** An open database with what the repositories need to know about it. */
export interface DbHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Where it is, fit for a message (no password). */
  description: string;
  close(): Promise<void>;
}

export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === 'sqlite') return `SQLite ${target.file}`;
  const schema = target.schema ? ` (schema ${target.schema})` : '';
  return `PostgreSQL ${describePostgresUrl(target.url)}${schema}`;
}

/** Opens the database and checks that it answers, with a coded error saying how to fix it if not. */
export async function openDatabase(target: DatabaseTarget): Promise<DbHandle> {
  const description = describeTarget(target);
  let db: Kysely<Database> | undefined;
  try {
    db = target.kind === 'sqlite' ? openSqlite(target.file) : openPostgres(target.url, target);
    await sql`select 1`.execute(db);
  } catch (e) {
    // The driver's message may quote the URL: only its error code (ECONNREFUSED, 28P01 for a
    // refused password, 3D000 for an unknown database…) joins the target, named without password.
    await db?.destroy().catch(() => {});
    const code = (e as { code?: unknown } | null)?.code;
    const target = typeof code === 'string' ? `${description} — ${code}` : description;
    throw new AppError('DATABASE_UNREACHABLE', { target });
  }
  const open = db;
  return { db: open, dialect: target.kind, description, close: () => open.destroy() };
}
