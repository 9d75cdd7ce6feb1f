import { resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { Command, Option } from 'commander';
import { type LoadedCall, loadCall } from '../adapters/call-file/load-call.js';
import { writeCallFile } from '../adapters/call-file/write-call.js';
import { effectiveDeadline } from '../domain/call/deadline.js';
import { formatInstant } from '../domain/call/format-date.js';
import { validateCall } from '../domain/call/parse-call.js';
import { AppError, isAppError } from '../domain/shared/errors.js';
import type { Lang } from '../domain/shared/message.js';
import { frenchTypography } from '../domain/shared/typography.js';
import {
  buildCall,
  missingAnswers,
  type NewCallAnswers,
  QUESTIONS,
  readCoordinator,
  readCount,
  readDate,
  readMonth,
} from './call-new.js';
import { describeCall } from './call-show.js';
import type { CliIo } from './io.js';

/** Asks one question on the terminal and returns the answer as typed. */
export type Ask = (question: string) => Promise<string>;

export interface CallCommandDeps {
  now?: () => Date;
  /** Questions for `call new`; by default node:readline when stdin is a terminal, none otherwise. */
  ask?: Ask;
  cwd?: string;
}

const defaultIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  setExitCode: (code) => {
    process.exitCode = code;
  },
};

function errorText(e: AppError): string {
  return `${e.text.fr}\n${e.fix.fr}\n\n${e.text.en}\n${e.fix.en}`;
}

/** The problems of a refused call file, French first then English. */
export function refusalText(loaded: Extract<LoadedCall, { ok: false }>): string {
  const fr = loaded.problems.map((p) => `  • ${p.message.fr}\n    → ${p.fix.fr}`);
  const en = loaded.problems.map((p) => `  • ${p.message.en}\n    → ${p.fix.en}`);
  const head = errorText(loaded.error);
  return loaded.problems.length === 0 ? head : `${head}\n\n${fr.join('\n')}\n\n${en.join('\n')}`;
}

const langOption = () =>
  new Option('--lang <lang>', 'langue de l’affichage / display language').choices(['fr', 'en']).default('fr');

/** `appel call show|validate|new`: the call file of an issue. */
export function callCommand(io: CliIo = defaultIo, deps: CallCommandDeps = {}): Command {
  const now = deps.now ?? (() => new Date());
  const cwd = deps.cwd ?? process.cwd();
  const call = new Command('call').description(
    'L’appel à auteurs (fichier d’appel) / the call for authors (call file)',
  );

  call
    .command('show')
    .description(
      'Affiche l’appel : thème, axes, date limite, règles / shows the call: theme, axes, deadline, rules',
    )
    .argument(
      '[file]',
      'fichier d’appel YAML ou JSON (sinon l’appel par défaut) / call file (else the default call)',
    )
    .addOption(langOption())
    .action(async (file: string | undefined, options: { lang: Lang }) => {
      const loaded = await loadCall(file === undefined ? undefined : resolve(cwd, file));
      if (!loaded.ok) {
        io.err(refusalText(loaded));
        io.setExitCode(1);
        return;
      }
      io.out(describeCall(loaded.call, options.lang, now()));
    });

  call
    .command('validate')
    .description('Vérifie un fichier d’appel / checks a call file')
    .argument(
      '[file]',
      'fichier d’appel YAML ou JSON (sinon l’appel par défaut) / call file (else the default call)',
    )
    .action(async (file: string | undefined) => {
      const loaded = await loadCall(file === undefined ? undefined : resolve(cwd, file));
      if (!loaded.ok) {
        io.err(refusalText(loaded));
        io.setExitCode(1);
        return;
      }
      const c = loaded.call;
      const end = effectiveDeadline(c.deadline).endsAt;
      io.out(
        frenchTypography(
          `Fichier d’appel valide : ${c.journal} n° ${c.issue}, date limite ${formatInstant(end, c.deadline.timeZone, 'fr')}.`,
        ),
      );
      io.out(
        `Valid call file: ${c.journal} no. ${c.issue}, deadline ${formatInstant(end, c.deadline.timeZone, 'en')}.`,
      );
    });

  call
    .command('new')
    .description('Écrit un nouveau fichier d’appel / writes a new call file')
    .option('-o, --output <file>', 'fichier à écrire (sinon <revue>-<numéro>.yaml) / file to write')
    .option('--journal <name>', 'nom de la revue / journal name')
    .option('--issue <number>', 'numéro / issue number')
    .option('--theme <text>', 'thème / theme')
    .option('--summary <text>', 'argumentaire / rationale')
    .option('--deadline <date>', 'date limite, incluse (JJ/MM/AAAA ou AAAA-MM-JJ) / deadline, inclusive')
    .option('--time-zone <zone>', 'fuseau horaire (Europe/Paris par défaut) / time zone')
    .option('--publication <month>', 'parution (MM/AAAA ou AAAA-MM) / publication month')
    .option('--min <signes>', 'minimum de signes (5000 par défaut) / minimum characters')
    .option('--max <signes>', 'maximum de signes (30000 par défaut) / maximum characters')
    .option('--coordinator <who...>', 'coordinateur·rice « Prénom Nom <adresse> » / coordinator')
    .option('--email <address>', 'adresse de dépôt / submission address')
    .option('--web <url>', 'site de dépôt / submission website')
    .option('--id <id>', 'identifiant de l’appel / call identifier')
    .option('--force', 'remplace un fichier existant / replaces an existing file')
    .action(async (options: NewCallAnswers & { output?: string; force?: boolean }) => {
      try {
        const ask = deps.ask ?? (process.stdin.isTTY ? terminalAsk : undefined);
        const answers = await completeAnswers(readFlags(options), ask);
        const v = validateCall(buildCall(answers));
        if (!v.ok) {
          io.err(refusalText({ ok: false, error: v.error, problems: v.problems, source: '' }));
          io.setExitCode(1);
          return;
        }
        const path = resolve(cwd, options.output ?? `${v.call.id}.yaml`);
        await writeCallFile(path, v.call, options.force === true);
        io.out(frenchTypography(`Fichier d’appel écrit : ${path}`));
        io.out(`Call file written: ${path}`);
      } catch (e) {
        if (!isAppError(e)) throw e;
        io.err(errorText(e));
        io.setExitCode(e.code === 'USAGE' ? 2 : 1);
      }
    });
  return call;
}

/** Flags read the French way; an unreadable one is a usage error that names it. */
function readFlags(o: NewCallAnswers): NewCallAnswers {
  const a: NewCallAnswers = { ...o };
  const readers: Array<[keyof NewCallAnswers, (t: string) => string | undefined, string]> = [
    ['deadline', readDate, '--deadline : JJ/MM/AAAA ou AAAA-MM-JJ / DD/MM/YYYY or YYYY-MM-DD'],
    ['publication', readMonth, '--publication : MM/AAAA ou AAAA-MM / MM/YYYY or YYYY-MM'],
    ['min', readCount, '--min : un nombre de signes / a number of characters'],
    ['max', readCount, '--max : un nombre de signes / a number of characters'],
  ];
  for (const [key, read, usage] of readers) {
    const value = o[key];
    if (typeof value !== 'string') continue;
    const parsed = read(value);
    if (parsed === undefined) throw new AppError('USAGE', { detail: usage });
    (a as Record<string, unknown>)[key] = parsed;
  }
  return a;
}

/** Asks for what the flags left out, on a terminal; without one, names the missing flags. */
async function completeAnswers(a: NewCallAnswers, ask: Ask | undefined): Promise<NewCallAnswers> {
  if (!ask) {
    const missing = missingAnswers(a);
    if (missing.length > 0) {
      throw new AppError('USAGE', {
        detail: `options manquantes / missing options: ${missing.map((k) => `--${k}`).join(' ')}`,
      });
    }
    return a;
  }
  const out: NewCallAnswers = { ...a };
  for (const q of QUESTIONS) {
    if (q.key === 'coordinator') {
      out.coordinator = out.coordinator?.length ? out.coordinator : await askCoordinators(ask, q.prompt.fr);
      continue;
    }
    if (out[q.key] !== undefined || (q.key === 'email' && out.web)) continue;
    const read = q.read ?? ((x: string) => x.trim() || undefined);
    const prompt = `${q.prompt.fr} / ${q.prompt.en}${q.fallback ? ` [${q.fallback}]` : ''} : `;
    // An empty answer takes the fallback, or leaves an optional answer unset ('').
    const value = await askOne(ask, prompt, (t) =>
      t.trim() === '' ? (q.fallback ?? (q.optional ? '' : undefined)) : read(t),
    );
    if (value !== '') out[q.key] = value;
  }
  return out;
}

async function askOne(ask: Ask, prompt: string, read: (t: string) => string | undefined): Promise<string> {
  for (let tries = 0; tries < 3; tries++) {
    const value = read(await ask(prompt));
    if (value !== undefined) return value;
  }
  throw new AppError('USAGE', { detail: `réponse illisible / unreadable answer: ${prompt.trim()}` });
}

async function askCoordinators(ask: Ask, prompt: string): Promise<string[]> {
  const list: string[] = [];
  let unreadable = 0;
  while (list.length < 10) {
    const more = list.length > 0 ? ' (vide pour terminer / empty to finish)' : '';
    const answer = (await ask(`${prompt}${more} : `)).trim();
    if (answer === '' && list.length > 0) break;
    if (readCoordinator(answer)) list.push(answer);
    else if (++unreadable >= 3) {
      throw new AppError('USAGE', { detail: `réponse illisible / unreadable answer: ${prompt}` });
    }
  }
  return list;
}

const terminalAsk: Ask = async (question) => {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question(frenchTypography(question));
  } finally {
    rl.close();
  }
};
