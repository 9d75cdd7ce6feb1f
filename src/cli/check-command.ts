import { Command, Option } from 'commander';
import { loadCall } from '../adapters/call-file/load-call.js';
import { analyseManuscript } from '../adapters/manuscript/analyse-manuscript.js';
import { etalabPostcodes } from '../adapters/postcodes/etalab.js';
import { checkManuscripts } from '../app/check-manuscripts.js';
import { isAppError } from '../domain/shared/errors.js';
import type { Lang } from '../domain/shared/message.js';
import { refusalText } from './call-command.js';
import { type SubmissionFlags, submissionFacts } from './check-flags.js';
import { exitCodeOf, reportToJson, reportToText } from './check-report.js';
import type { CliIo } from './io.js';

interface CheckOptions extends SubmissionFlags {
  json?: boolean;
  lang: Lang;
  call?: string;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `appel check FILE…`: the verdict on each manuscript against the call's rules. */
export function checkCommand(io: CliIo): Command {
  return new Command('check')
    .description(
      'Vérifie des manuscrits selon les règles de l’appel / checks manuscripts against the call’s rules',
    )
    .argument('<files...>', 'fichiers Word à vérifier / Word files to check')
    .option('--json', 'sortie JSON / JSON output')
    .option(
      '--call <file>',
      'fichier d’appel (par défaut : Sociographe n° 81) / call file (default: Sociographe no. 81)',
    )
    .addOption(
      new Option('--lang <lang>', 'langue des messages / message language')
        .choices(['fr', 'en'])
        .default('fr'),
    )
    .option(
      '--author <name>',
      'auteur·rice « Prénom Nom <courriel> », répétable ; le premier est le contact / author, repeatable; the first is the contact',
      collect,
    )
    .option(
      '--order-requested',
      'les auteurs demandent un ordre non alphabétique / authors ask for a non-alphabetical order',
    )
    .option('--phone <number>', 'téléphone du contact / contact phone')
    .option('--address <address>', 'adresse postale du contact / contact postal address')
    .option('--received-at <date>', 'date de réception (heure de l’appel si sans fuseau) / time received')
    .action(async (files: string[], options: CheckOptions) => {
      const loaded = await loadCall(options.call);
      if (!loaded.ok) {
        io.err(refusalText(loaded));
        io.setExitCode(2);
        return;
      }
      let facts: ReturnType<typeof submissionFacts>;
      try {
        facts = submissionFacts(options, loaded.call.deadline.timeZone);
      } catch (e) {
        if (!isAppError(e)) throw e;
        io.err(`${e.text.fr}\n${e.fix.fr}\n\n${e.text.en}\n${e.fix.en}`);
        io.setExitCode(2);
        return;
      }
      const reports = await checkManuscripts(
        files.map((path) => ({ path })),
        { read: analyseManuscript, call: loaded.call, facts, postcodes: etalabPostcodes },
      );
      if (options.json)
        io.out(
          JSON.stringify(
            reports.map((r) => reportToJson(r, options.lang)),
            null,
            2,
          ),
        );
      else io.out(reports.map((r) => reportToText(r, options.lang)).join('\n\n'));
      io.setExitCode(exitCodeOf(reports));
    });
}
