import { Command } from 'commander';
import { type SweepDeps, type SweepReport, sweepData } from '../app/sweep-data.js';
import { type SweepSchedule, sweepPeriodically } from '../app/sweep-schedule.js';
import { fileSize } from '../domain/letters/words.js';
import { isAppError } from '../domain/shared/errors.js';
import type { Lang } from '../domain/shared/message.js';
import { openSweepContext } from '../main/sweep-context.js';
import type { CliIo } from './io.js';
import { runOpened } from './run-with-context.js';

/** What a sweep removed, French then English: counts and sizes (of files) only, never a name. */
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
      counted(
        report.signInAttempts,
        lang,
        ['tentative de connexion expirée', 'tentatives de connexion expirées'],
        ['expired sign-in attempt', 'expired sign-in attempts'],
      ),
      counted(
        report.sentLetterSecrets,
        lang,
        ['lien secret retiré des lettres envoyées', 'liens secrets retirés des lettres envoyées'],
        ['secret link removed from sent letters', 'secret links removed from sent letters'],
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
  return `${counted(swept.count, lang, fr, en)} (${fileSize(swept.bytes, lang)})`;
}

/** A count and its noun: French counts 0 and 1 in the singular, English only 1. */
function counted(count: number, lang: Lang, fr: [string, string], en: [string, string]): string {
  const singular = lang === 'fr' ? count <= 1 : count === 1;
  return `${count} ${(lang === 'fr' ? fr : en)[singular ? 0 : 1]}`;
}

const removedAnything = (r: SweepReport) =>
  r.analyses.count + r.files.count + r.temporaries.count + r.signInAttempts + r.sentLetterSecrets > 0;

/**
 * The sweep beside a long-running process (the desk, the worker): now, then hourly, on that
 * process's own connection (stop it before closing that); a report only when something went, an
 * error by its code alone.
 */
export function startSweeping(io: CliIo, deps: SweepDeps): SweepSchedule {
  return sweepPeriodically(deps, {
    onSwept: (report) => {
      if (removedAnything(report)) io.out(sweepText(report, false));
    },
    onError: (e) => io.err(`sweep: ${failureCode(e)}, retrying`),
  });
}

/**
 * What a background run's failure is called on the terminal: its code (ours, or the system's,
 * ENOSPC…), never its message, which may quote a path or an address.
 */
export function failureCode(e: unknown): string {
  return isAppError(e) ? e.code : ((e as { code?: string }).code ?? 'failed');
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
      await runOpened(
        io,
        () => openSweepContext({ data: options.data, env }),
        async (context) => {
          const dryRun = options.dryRun ?? false;
          io.out(sweepText(await sweepData({ dryRun }, context.deps), dryRun));
          return 0;
        },
      );
    });
}
