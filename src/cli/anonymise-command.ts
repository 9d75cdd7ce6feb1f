import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Command } from 'commander';
import { anonymiseManuscript } from '../adapters/anonymise/anonymise-manuscript.js';
import { analyseManuscript } from '../adapters/manuscript/analyse-manuscript.js';
import { makeAnonymisedCopy } from '../app/anonymised-copy.js';
import { AppError, isAppError } from '../domain/shared/errors.js';
import { parseAuthor } from './check-flags.js';
import type { CliIo } from './io.js';
import { errorText } from './run-with-context.js';

interface AnonymiseOptions {
  author?: string[];
  out?: string;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/**
 * `appel anonymise FILE --author "Prénom Nom" …`: the copy of a .docx or .odt for a blind review, written
 * beside it (« … - anonyme.docx ») unless --out says where. Exit 0 when the copy was written and
 * no name is found in it any more, 1 when a name remains (the copy is not written), 2 when the
 * file cannot be anonymised (unreadable, another format, no name given).
 */
export function anonymiseCommand(io: CliIo): Command {
  return new Command('anonymise')
    .description('Prépare la copie anonyme d’un manuscrit / makes the anonymised copy of a manuscript')
    .argument('<file>', 'manuscrit .docx ou .odt / .docx or .odt manuscript')
    .option(
      '--author <name>',
      'auteur·rice à retirer, « Prénom Nom <courriel> » ou « Nom, Prénom », répétable / author to remove, repeatable',
      collect,
    )
    .option('--out <file>', 'où écrire la copie / where to write the copy')
    .action(async (file: string, options: AnonymiseOptions) => {
      try {
        const people = (options.author ?? []).map((a) => parseAuthor(a, false));
        if (people.length === 0) throw new AppError('ANONYMISE_NO_NAMES', {});
        const copy = await makeAnonymisedCopy(
          { bytes: await readFile(file), fileName: basename(file), people },
          { read: analyseManuscript, anonymise: anonymiseManuscript },
        );
        if (copy.remaining > 0) {
          io.err(
            `Un nom d’auteur apparaît encore ${copy.remaining} fois : la copie n’a pas été écrite.\n` +
              `An author's name still appears ${copy.remaining} times: the copy was not written.`,
          );
          io.setExitCode(1);
          return;
        }
        const out = options.out ?? join(dirname(file), copy.fileName);
        // Never over a file already there (the original itself, an earlier copy): --out chooses.
        await writeFile(out, copy.bytes, { flag: 'wx' }).catch((e: NodeJS.ErrnoException) => {
          if (e.code !== 'EEXIST') throw e;
          throw new AppError('USAGE', { detail: `${out} existe déjà / already exists (--out)` });
        });
        const { replaced, droppedParts, embedded } = copy.report;
        io.out(`Copie anonyme / anonymised copy: ${out}`);
        io.out(
          `  ${replaced} remplacement(s) / replacement(s) · ${droppedParts.length} partie(s) retirée(s) / part(s) removed`,
        );
        if (embedded > 0) {
          io.out(
            `  ${embedded} objet(s) incorporé(s) copié(s) tels quels : à vérifier à la main / embedded object(s) copied as they are: check them by hand`,
          );
        }
        io.out('  Les images ne sont pas examinées / pictures are not examined.');
      } catch (e) {
        if (!isAppError(e)) throw e;
        io.err(errorText(e));
        io.setExitCode(2);
      }
    });
}
