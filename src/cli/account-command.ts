import { Command } from 'commander';
import { bootstrapAdministrator } from '../app/accounts/bootstrap-administrator.js';
import { activationPath } from '../app/accounts/links.js';
import { formatInstant } from '../domain/call/format-date.js';
import type { AppContext } from '../main/context.js';
import type { CliIo } from './io.js';
import { runWithContext } from './run-with-context.js';

/** The desk's address for links printed in the terminal. */
export function deskUrl(env: NodeJS.ProcessEnv, port?: string | number, host = '127.0.0.1'): string {
  if (env.APPEL_PUBLIC_URL) return env.APPEL_PUBLIC_URL.replace(/\/+$/, '');
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${shown.includes(':') ? `[${shown}]` : shown}:${port ?? env.PORT ?? '8081'}`;
}

export interface FirstLink {
  email: string;
  name: string;
  url: string;
  expiresAt: Date;
}

/**
 * The first administrator's one-time link (30 minutes), made while nobody can sign in. The call's
 * first coordinator is the natural first administrator; another address may be given.
 */
export async function firstAdministratorLink(
  context: AppContext,
  baseUrl: string,
  who: { email?: string; name?: string } = {},
): Promise<FirstLink | 'administrator-exists' | 'email-taken' | 'email-invalid'> {
  const coordinator = context.call.coordinators[0];
  const email = who.email ?? coordinator?.email ?? '';
  const name = who.name ?? (who.email ? who.email : (coordinator?.name ?? email));
  const result = await bootstrapAdministrator(
    { email, displayName: name },
    { accounts: context.accounts, now: () => new Date() },
  );
  if (!result.ok) return result.reason;
  return {
    email: result.account.email,
    name: result.account.displayName,
    url: `${baseUrl}${activationPath(result.token)}`,
    expiresAt: result.expiresAt,
  };
}

export function firstLinkText(link: FirstLink, timeZone: string): string {
  const fr = formatInstant(link.expiresAt.getTime(), timeZone, 'fr');
  const en = formatInstant(link.expiresAt.getTime(), timeZone, 'en');
  return [
    `Premier compte administrateur : ${link.name} <${link.email}>`,
    `Lien à usage unique, valable jusqu’au ${fr} :`,
    `  ${link.url}`,
    'Ouvrez-le pour choisir votre mot de passe et associer votre application d’authentification.',
    '',
    `First administrator account: ${link.name} <${link.email}>`,
    `One-time link, valid until ${en}:`,
    `  ${link.url}`,
    'Open it to choose your password and link your authenticator app.',
  ].join('\n');
}

/**
 * When nobody can sign in yet (a fresh data folder), prints the first administrator's one-time
 * link: `appel serve` and `npm start` call it, so that the desk is never locked from the start.
 */
export async function printFirstLinkIfNobody(io: CliIo, context: AppContext, baseUrl: string): Promise<void> {
  if ((await context.accounts.countActive()) > 0) return;
  const link = await firstAdministratorLink(context, baseUrl);
  if (typeof link !== 'string') io.out(`\n${firstLinkText(link, context.call.deadline.timeZone)}\n`);
}

const REFUSALS: Record<'administrator-exists' | 'email-taken' | 'email-invalid', string> = {
  'administrator-exists': [
    'Un administrateur peut déjà se connecter : les autres comptes se créent par invitation, depuis le bureau (page « Comptes »).',
    'An administrator can already sign in: other accounts are made by invitation, from the desk (the “Accounts” page).',
  ].join('\n'),
  'email-taken': [
    'Cette adresse appartient déjà à un compte qui n’est pas administrateur : choisissez-en une autre avec --email.',
    'This address already belongs to an account that is not an administrator: choose another with --email.',
  ].join('\n'),
  'email-invalid': [
    'Cette adresse électronique n’est pas valide : indiquez-la avec --email prenom.nom@exemple.fr.',
    'This e-mail address is not valid: give it with --email first.last@example.org.',
  ].join('\n'),
};

/** `appel account bootstrap`: the first administrator and their one-time link. */
export function accountCommand(io: CliIo, env: NodeJS.ProcessEnv = process.env): Command {
  const account = new Command('account').description('Comptes du bureau / desk accounts');
  account
    .command('bootstrap')
    .description(
      'Crée le premier administrateur et affiche un lien à usage unique (30 min) / creates the first administrator and prints a one-time link (30 min)',
    )
    .option('--data <dir>', 'dossier de données / data folder')
    .option('--call <file>', 'fichier d’appel / call file')
    .option(
      '--email <address>',
      'adresse (par défaut : premier coordinateur de l’appel) / address (default: the call’s first coordinator)',
    )
    .option('--name <name>', 'nom affiché / display name')
    .option('--url <url>', 'adresse du bureau / the desk’s address (APPEL_PUBLIC_URL)')
    .action(
      async (options: { data?: string; call?: string; email?: string; name?: string; url?: string }) => {
        await runWithContext(io, { data: options.data, callFile: options.call, env }, async (context) => {
          const base = options.url ? options.url.replace(/\/+$/, '') : deskUrl(env);
          const link = await firstAdministratorLink(context, base, {
            ...(options.email ? { email: options.email } : {}),
            ...(options.name ? { name: options.name } : {}),
          });
          if (typeof link === 'string') {
            io.err(REFUSALS[link]);
            return 1;
          }
          io.out(firstLinkText(link, context.call.deadline.timeZone));
          return 0;
        });
      },
    );
  return account;
}
