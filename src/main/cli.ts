import { Command, CommanderError } from 'commander';
import { accountCommand } from '../cli/account-command.js';
import { anonymiseCommand } from '../cli/anonymise-command.js';
import { callCommand } from '../cli/call-command.js';
import { checkCommand } from '../cli/check-command.js';
import { dbCommand } from '../cli/db-command.js';
import { demoCommand } from '../cli/demo-command.js';
import type { CliIo } from '../cli/io.js';
import { mailCommand } from '../cli/mail-command.js';
import { remindCommand } from '../cli/reminders.js';
import { serveCommand } from '../cli/serve-command.js';
import { sweepCommand } from '../cli/sweep-command.js';
import { workerCommand } from '../cli/worker-command.js';

/** Composition root of the command line. Returns the process exit code. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  let exitCode = 0;
  const commandIo: CliIo = {
    ...io,
    setExitCode: (code) => {
      exitCode = Math.max(exitCode, code);
    },
  };
  const program = new Command('appel')
    .description('appel — l’appel à auteurs d’une revue / a journal’s call for authors')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  program.addCommand(checkCommand(commandIo));
  program.addCommand(anonymiseCommand(commandIo));
  program.addCommand(callCommand(commandIo));
  program.addCommand(dbCommand(commandIo));
  program.addCommand(mailCommand(commandIo));
  program.addCommand(workerCommand(commandIo));
  program.addCommand(demoCommand(commandIo));
  program.addCommand(serveCommand(commandIo));
  program.addCommand(accountCommand(commandIo));
  program.addCommand(sweepCommand(commandIo));
  program.addCommand(remindCommand(commandIo));
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    throw e;
  }
  return exitCode;
}

function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    setExitCode: (code) => {
      process.exitCode = code;
    },
  };
}
