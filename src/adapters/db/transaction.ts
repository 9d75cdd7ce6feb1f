import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

/** Anything a repository function can run on: the database, or a transaction on it. */
export type Executor = Kysely<Database>;

/**
 * The unit of work, shared by both dialects: runs `fn` in a transaction, committed when `fn`
 * resolves and rolled back when it throws. Called inside a transaction, it joins that one
 * instead of nesting, so that repository steps compose into one atomic use case.
 * (On SQLite the transaction begins IMMEDIATE: see sqlite.ts.)
 */
export async function withTransaction<T>(
  db: Executor,
  fn: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) return fn(db as Transaction<Database>);
  return db.transaction().execute(fn);
}
