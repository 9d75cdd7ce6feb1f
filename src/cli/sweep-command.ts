import { Command } from 'commander';
import { type SweepReport, sweepData } from '../app/sweep-data.js';
import { type SweepSchedule, sweepPeriodically } from '../app/sweep-schedule.js';
import { fileSize } from '../domain/letters/words.js';
import { isAppError } from '../domain/shared/errors.js';
import type { Lang } from '../domain/shared/message.js';
import { openSweepContext, type SweepContext } from '../main/sweep-context.js';
import type { CliIo } from './io.js';
import { errorText } from './run-with-context.js';

/** What a sweep removed, French then English: counts and sizes only, never a name. */
export function sweepText(report: SweepReport, dryRun: boolean): string {
  const parts = (lang: Lang) =>
    [
      part(
        report.analyses,
        lang,
        ['analyse de brouillon', 'analyses de brouillon'],
        ['draft analysis', 'draft analyses'],
      ),
      part(
        report.files,
        lang,
        ['fichier jamais confirmé', 'fichiers jamais confirmés'],
        ['file never confirmed', 'files never confirmed'],
      ),
      part(
        report.temporaries,
        lang,
        ['fichier temporaire', 'fichiers temporaires'],
        ['temporary file', 'temporary files'],
      ),
    ].join(', ');
  return dryRun
    ? `Nettoyage à blanc : ${parts('fr')} seraient supprimés.\nDry run: would remove ${parts('en')}.`
    : `Nettoyage : ${parts('fr')} supprimés.\nSweep: removed ${parts('en')}.`;
}

function part(
  swept: { count: number; bytes: number },
  lang: Lang,
  fr: [string, string],
  en: [string, string],
): string {
  // French counts 0 and 1 in the singular, English only 1.
  const singular = lang === 'fr' ? swept.count <= 1 : swept.count === 1;
  const words = (lang === 'fr' ? fr : en)[singular ? 0 : 1];
  return `${swept.count} ${words} (${fileSize(swept.bytes, lang)})`;
}

const removedAnything = (r: SweepReport) => r.analyses.count + r.files.count + r.temporaries.count > 0;

/**
 * The sweep beside a long-running process (the desk, the worker): now, then hourly, on its own
 * database connection; a report only when something went, an error by its code alone.
 */
export async function startSweeping(
  io: CliIo,
  dataDir: string,
  env: NodeJS.ProcessEnv,
): Promise<SweepSchedule> {
  const context = await openSweepContext({ data: dataDir, env });
  const schedule = sweepPeriodically(context.deps, {
    onSwept: (report) => {
      if (removedAnything(report)) io.out(sweepText(report, false));
    },
    onError: (e) =>
      io.err(`sweep: ${isAppError(e) ? e.code : ((e as { code?: string }).code ?? 'failed')}, retrying`),
  });
  return {
    stop: async () => {
      await schedule.stop();
      await context.close();
    },
  };
}

/** `appel sweep [--data DIR] [--dry-run]`: removes abandoned drafts and temporaries once, and says what. */
export function sweepCommand(io: CliIo, env: NodeJS.ProcessEnv = process.env): Command {
  return new Command('sweep')
    .description(
      'Supprime les brouillons abandonnés et les fichiers temporaires / removes abandoned drafts and temporary files',
    )
    .option('--data <dir>', 'dossier de données / data folder')
    .option('--dry-run', 'compte sans rien supprimer / counts without removing anything')
    .action(async (options: { data?: string; dryRun?: boolean }) => {
      let context: SweepContext | undefined;
      try {
        context = await openSweepContext({ data: options.data, env });
        const dryRun = options.dryRun ?? false;
        io.out(sweepText(await sweepData({ dryRun }, context.deps), dryRun));
      } catch (e) {
        if (!isAppError(e)) throw e;
        io.err(errorText(e));
        io.setExitCode(2);
      } finally {
        await context?.close();
      }
    });
}
