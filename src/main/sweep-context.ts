import { KyselyAttemptCounter } from '../adapters/db/kysely-attempt-counter.js';
import { KyselyFileReferences } from '../adapters/db/kysely-file-references.js';
import { KyselyOutbox } from '../adapters/db/kysely-outbox.js';
import { LocalDraftAnalyses } from '../adapters/files/draft-analyses.js';
import { DurableFolder } from '../adapters/files/durable.js';
import type { SweepDeps } from '../app/sweep-data.js';
import { systemClock } from '../ports/clock.js';
import { type AppContext, openStorage } from './context.js';

export interface SweepContext {
  dataDir: string;
  deps: SweepDeps;
  close(): Promise<void>;
}

/**
 * The sweep over a context's folders and database connection: `appel serve` and `appel worker`
 * sweep on the connection they already have. The folders are those the desk and the mailer write;
 * the sign-in attempts those the desk counts; the outbox rows those the worker sent.
 */
export function sweepDeps(
  context: Pick<AppContext, 'folders' | 'files' | 'fileReferences' | 'signInAttempts' | 'outbox'>,
): SweepDeps {
  const { files } = context;
  const analyses = new LocalDraftAnalyses(context.folders.drafts);
  return {
    files,
    analyses,
    temporaries: [files, analyses, new DurableFolder(context.folders.outbox)],
    references: context.fileReferences,
    attempts: context.signInAttempts,
    outbox: context.outbox,
    clock: systemClock,
  };
}

/**
 * For `appel sweep`: the data folder and the database alone. No call is loaded, nor saved into
 * the calls table as openContext does: a sweep changes nothing but the folders it cleans.
 */
export async function openSweepContext(options: {
  data?: string | undefined;
  env?: NodeJS.ProcessEnv;
}): Promise<SweepContext> {
  const { dataDir, folders, handle, files, close } = await openStorage(options);
  return {
    dataDir,
    deps: sweepDeps({
      folders,
      files,
      fileReferences: new KyselyFileReferences(handle.db),
      signInAttempts: new KyselyAttemptCounter(handle.db),
      outbox: new KyselyOutbox(handle.db, handle.dialect, systemClock),
    }),
    close,
  };
}
