import { Command } from 'commander';
import { ImapSource } from '../adapters/mail-in/imap-source.js';
import { readPaths } from '../adapters/mail-in/read-paths.js';
import { importMailbox } from '../app/import-mailbox.js';
import { AppError } from '../domain/shared/errors.js';
import type { CliIo } from './io.js';
import { importProgress, summaryText } from './progress.js';
import { runWithContext } from './run-with-context.js';

interface MailOptions {
  data?: string;
  call?: string;
  json?: boolean;
}

/** `appel mail import|watch`: the call's own channel, e-mail, turned into submissions. */
export function mailCommand(io: CliIo, env: NodeJS.ProcessEnv = process.env): Command {
  const mail = new Command('mail').description('Dépôts par courriel / submissions by e-mail');
  mail
    .command('import')
    .description('Importe des messages (.eml, mbox, Maildir) / imports messages')
    .argument('<paths...>', 'fichiers .eml ou mbox, dossiers Maildir / .eml or mbox files, Maildir folders')
    .option('--data <dir>', 'dossier de données / data folder')
    .option('--call <file>', 'fichier d’appel / call file')
    .option('--json', 'résumé JSON / JSON summary')
    .action(async (paths: string[], options: MailOptions) => {
      await runWithContext(io, { data: options.data, callFile: options.call, env }, async (context) => {
        const progress = importProgress(io, !options.json && Boolean(process.stderr.isTTY));
        const summary = await importMailbox(readPaths(paths), context.intake, {
          onProgress: options.json ? undefined : progress.tick,
          onError: (code, where) => io.err(`${where.location}: ${code}`),
        });
        progress.stop();
        io.out(options.json ? JSON.stringify(summary) : summaryText(summary));
        return summary.errors > 0 ? 1 : 0;
      });
    });
  mail
    .command('watch')
    .description('Relève une boîte IMAP (APPEL_IMAP_URL) / polls an IMAP mailbox')
    .option('--data <dir>', 'dossier de données / data folder')
    .option('--call <file>', 'fichier d’appel / call file')
    .option('--once', 'une seule relève / poll once')
    .option('--every <seconds>', 'intervalle / interval', '60')
    .action(async (options: MailOptions & { once?: boolean; every: string }) => {
      const settings = imapSettings(env.APPEL_IMAP_URL);
      await runWithContext(io, { data: options.data, callFile: options.call, env }, async (context) => {
        let errors = 0;
        do {
          const source = await ImapSource.connect(settings.connection);
          try {
            // Commit first, then flag: a crash in between re-imports a message the ledger knows.
            const summary = await importMailbox(source.fetchNew(settings.mailbox), context.intake, {
              afterCommit: (raw) => source.markProcessed(raw.source),
              onError: (code, where) => io.err(`${where.location}: ${code}`),
            });
            errors += summary.errors;
            io.out(summaryText(summary));
          } finally {
            await source.close();
          }
          if (!options.once) await new Promise((r) => setTimeout(r, Number(options.every) * 1000));
        } while (!options.once);
        return errors > 0 ? 1 : 0;
      });
    });
  return mail;
}

/** imap://user:password@host:143/INBOX (STARTTLS), imaps://…:993/INBOX (TLS). */
function imapSettings(url: string | undefined) {
  if (!url) throw new AppError('USAGE', { detail: 'APPEL_IMAP_URL (imaps://user:password@host/INBOX)' });
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError('USAGE', { detail: 'APPEL_IMAP_URL (imaps://user:password@host/INBOX)' });
  }
  const tls = parsed.protocol === 'imaps:';
  const local = ['127.0.0.1', 'localhost', '::1'].includes(parsed.hostname);
  return {
    mailbox: decodeURIComponent(parsed.pathname.slice(1)) || 'INBOX',
    connection: {
      host: parsed.hostname,
      port: Number(parsed.port) || (tls ? 993 : 143),
      user: decodeURIComponent(parsed.username),
      password: decodeURIComponent(parsed.password),
      security: tls
        ? ('tls' as const)
        : local && parsed.searchParams.get('tls') === 'none'
          ? ('none' as const)
          : ('starttls' as const),
    },
  };
}
