import { openDatabase } from '../adapters/db/connect.js';
import { migrateToLatest } from '../adapters/db/migrate.js';
import { ensureDataDir, type StorageConfig } from '../config/data-dir.js';

export interface MigrateOutcome {
  /** Where the database is, fit for a message (no password). */
  database: string;
  /** Migrations applied by this run, in order; empty when it was already up to date. */
  applied: string[];
}

/** `appel db migrate`: creates the data folder if needed and brings the database up to date. */
export async function migrateDatabase(storage: StorageConfig): Promise<MigrateOutcome> {
  ensureDataDir(storage.dataDir);
  const handle = await openDatabase(storage.database);
  try {
    const { applied } = await migrateToLatest(handle);
    return { database: handle.description, applied };
  } finally {
    await handle.close();
  }
}
