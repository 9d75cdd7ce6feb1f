import type { AttemptCounter } from '../ports/attempt-counter.js';
import type { Clock } from '../ports/clock.js';
import type { SweepableDraftAnalyses } from '../ports/draft-analyses.js';
import type { FileReferences } from '../ports/file-references.js';
import type { HoldsTemporaries, StoredFileUse, SweepableFileStore, Swept } from '../ports/file-store.js';
import type { Outbox } from '../ports/outbox.js';
import { LETTER_JOB_KIND } from './process-outbox.js';
import { MAY_HOLD_SECRET_LINKS, redactLetterSecrets } from './sent-letter-secrets.js';

/**
 * Why a week: a draft (the web form's upload and its check) is confirmed in one sitting, or after
 * a night or a weekend away from an open tab; a week covers that with room to spare. Past it, the
 * manuscript of an author who never confirmed is personal data we have no reason to keep.
 */
export const DRAFT_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Why an hour: a live write takes seconds (the largest file accepted is written and fsynced well
 * within a minute, even on a slow disk); a temporary untouched for an hour was left by a process
 * killed mid-write, and nothing will ever finish or rename it.
 */
export const TEMPORARY_AGE_MS = 60 * 60 * 1000;

/** Hashes per reference query (short enough for any database's parameter limit), outbox rows per read. */
const BATCH = 200;

export interface SweepDeps {
  files: SweepableFileStore;
  analyses: SweepableDraftAnalyses;
  /** Every place where temporaries may be left: the file store, the kept analyses, the outbox folder. */
  temporaries: readonly HoldsTemporaries[];
  references: FileReferences;
  /** The desk's sign-in attempts, in the database: rows out of their window go too. */
  attempts: Pick<AttemptCounter, 'forgetExpired'>;
  /** The outbox table: letters sent before their rows lost their secret links lose them now. */
  outbox: Pick<Outbox, 'rewriteSentPayloads'>;
  clock: Clock;
}

export interface SweepReport {
  /** Kept analyses of drafts never confirmed. */
  analyses: Swept;
  /** Stored files no record names (drafts never confirmed), unused for DRAFT_RETENTION_MS. */
  files: Swept;
  temporaries: Swept;
  /** Sign-in attempt rows out of their window (database rows: a count, no size). */
  signInAttempts: number;
  /** Sent letters whose row still held a live secret link (database rows: a count, no size). */
  sentLetterSecrets: number;
}

/**
 * Use case: removes what abandoned work left in the data folder — the check's analysis of a draft
 * and the draft's file when the author never confirmed, and the temporaries of a killed process.
 * A stored file is removed only when no record names it (a version, a message) and nobody used it
 * for the retention; the store checks the last use again once the file is out of reach, so an
 * author confirming at that moment keeps it. Several sweeps may run at once (two instances, a
 * worker): each counts only what it removed itself. Sign-in attempts out of their window go too:
 * each attempt deletes a bounded batch only, so a desk nobody signs in to would keep them. Letters
 * sent before the worker redacted rows as it marked them sent lose their secret links (the
 * invitation's one-time link, the private /suivi/ link): a dump or backup must not hold them. A dry
 * run removes nothing and counts what would go.
 */
export async function sweepData(options: { dryRun?: boolean }, deps: SweepDeps): Promise<SweepReport> {
  const dryRun = options.dryRun ?? false;
  const now = deps.clock.now().getTime();
  const draftsBefore = new Date(now - DRAFT_RETENTION_MS);
  const report: SweepReport = {
    analyses: await sweepAnalyses(draftsBefore, dryRun, deps),
    files: await sweepFiles(draftsBefore, dryRun, deps),
    temporaries: none(),
    signInAttempts: await deps.attempts.forgetExpired(new Date(now), dryRun),
    sentLetterSecrets: await deps.outbox.rewriteSentPayloads(LETTER_JOB_KIND, redactLetterSecrets, {
      batchSize: BATCH,
      dryRun,
      onlyIfContains: MAY_HOLD_SECRET_LINKS,
    }),
  };
  for (const place of deps.temporaries) {
    add(report.temporaries, await place.clearTemporaries(new Date(now - TEMPORARY_AGE_MS), dryRun));
  }
  return report;
}

async function sweepAnalyses(before: Date, dryRun: boolean, deps: SweepDeps): Promise<Swept> {
  const swept = none();
  for await (const kept of deps.analyses.listKept()) {
    if (kept.writtenAt > before) continue;
    add(swept, dryRun ? kept.byteSize : await deps.analyses.discard(kept.sha256, before));
  }
  return swept;
}

async function sweepFiles(before: Date, dryRun: boolean, deps: SweepDeps): Promise<Swept> {
  const swept = none();
  let batch: StoredFileUse[] = [];
  const flush = async () => {
    const named = await deps.references.referenced(batch.map((f) => f.sha256));
    for (const file of batch) {
      if (named.has(file.sha256)) continue;
      add(swept, dryRun ? file.byteSize : await deps.files.removeUnused(file.sha256, before));
    }
    batch = [];
  };
  for await (const file of deps.files.listStored()) {
    if (file.usedAt > before) continue;
    batch.push(file);
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  return swept;
}

function none(): Swept {
  return { count: 0, bytes: 0 };
}

/** Counts a removal: its size, or nothing when another sweep (or a use) came first. */
function add(swept: Swept, removed: number | Swept | null): void {
  if (removed === null) return;
  if (typeof removed === 'number') {
    swept.count++;
    swept.bytes += removed;
    return;
  }
  swept.count += removed.count;
  swept.bytes += removed.bytes;
}
