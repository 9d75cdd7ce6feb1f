import { join } from 'node:path';
import { openDatabase } from '../adapters/db/connect.js';
import { KyselyFileReferences } from '../adapters/db/kysely-file-references.js';
import { migrateToLatest } from '../adapters/db/migrate.js';
import { LocalDraftAnalyses } from '../adapters/files/draft-analyses.js';
import { DurableFolder } from '../adapters/files/durable.js';
import { LocalFileStore } from '../adapters/files/local-file-store.js';
import type { SweepDeps } from '../app/sweep-data.js';
import { ensureDataDir, resolveStorage } from '../config/data-dir.js';
import { systemClock } from '../ports/clock.js';

export interface SweepContext {
  dataDir: string;
  deps: SweepDeps;
  close(): Promise<void>;
}

/**
 * The sweep's composition root: the data folder's stores and a database connection of its own,
 * for `appel sweep` (which needs nothing else: no call, no mailer) and beside the server's and the
 * worker's context (which does not lend its connection). The folders are those the desk and the
 * mailer write: DATA/files, DATA/drafts, DATA/outbox.
 */
export async function openSweepContext(options: {
  data?: string | undefined;
  env?: NodeJS.ProcessEnv;
}): Promise<SweepContext> {
  const storage = resolveStorage({ flag: options.data, env: options.env ?? process.env });
  ensureDataDir(storage.dataDir);
  const target = storage.database.kind === 'sqlite' ? storage.database : { ...storage.database, max: 1 };
  const handle = await openDatabase(target);
  try {
    await migrateToLatest(handle);
  } catch (e) {
    await handle.close();
    throw e;
  }
  const files = new LocalFileStore(storage.filesDir);
  const analyses = new LocalDraftAnalyses(join(storage.dataDir, 'drafts'));
  return {
    dataDir: storage.dataDir,
    deps: {
      files,
      analyses,
      temporaries: [files, analyses, new DurableFolder(join(storage.dataDir, 'outbox'))],
      references: new KyselyFileReferences(handle.db),
      clock: systemClock,
    },
    close: () => handle.close(),
  };
}
