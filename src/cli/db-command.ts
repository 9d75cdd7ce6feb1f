import { Command } from 'commander';
import { type MigrateOutcome, migrateDatabase } from '../app/migrate-database.js';
import { resolveStorage } from '../config/data-dir.js';
import { isAppError } from '../domain/shared/errors.js';
import type { CliIo } from './io.js';

interface MigrateOptions {
  data?: string;
}

const defaultIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  setExitCode: (code) => {
    process.exitCode = code;
  },
};

/** `appel db …`: the database's upkeep. */
export function dbCommand(io: CliIo = defaultIo, env: NodeJS.ProcessEnv = process.env): Command {
  const db = new Command('db').description('Base de données / database');
  db.command('migrate')
    .description('Crée ou met à jour la base de données / creates or updates the database')
    .option('--data <dir>', 'dossier de données (sinon APPEL_DATA, sinon ./data) / data folder')
    .action(async (options: MigrateOptions) => {
      try {
        const outcome = await migrateDatabase(resolveStorage({ flag: options.data, env }));
        io.out(migrateReport(outcome));
      } catch (e) {
        if (!isAppError(e)) throw e;
        io.err(`${e.text.fr}\n${e.fix.fr}\n\n${e.text.en}\n${e.fix.en}`);
        io.setExitCode(1);
      }
    });
  return db;
}

/** French first, then English. */
export function migrateReport(outcome: MigrateOutcome): string {
  const names = outcome.applied.join(', ');
  const fr = outcome.applied.length
    ? `Base de données : ${outcome.database}\nMigrations appliquées (${outcome.applied.length}) : ${names}`
    : `Base de données : ${outcome.database}\nDéjà à jour : aucune migration à appliquer.`;
  const en = outcome.applied.length
    ? `Database: ${outcome.database}\nMigrations applied (${outcome.applied.length}): ${names}`
    : `Database: ${outcome.database}\nAlready up to date: no migration to apply.`;
  return `${fr}\n\n${en}`;
}
