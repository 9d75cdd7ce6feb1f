import { SOCIOGRAPHE_81_MANUSCRIPT_RULES } from '../domain/call/manuscript-rules.js';
import type { CallInput } from '../domain/call/schema.js';
import type { Message } from '../domain/shared/message.js';

/**
 * `appel call new`: the answers (from flags, or from questions on a terminal) turned into a call.
 * People write dates and numbers the French way, so « 01/09/2022 » and « 30 000 » are accepted
 * along with 2022-09-01 and 30000.
 */

export interface NewCallAnswers {
  journal?: string;
  issue?: string;
  theme?: string;
  summary?: string;
  deadline?: string;
  publication?: string;
  min?: string;
  max?: string;
  coordinator?: string[];
  email?: string;
  web?: string;
  timeZone?: string;
  id?: string;
}

type Key = Exclude<keyof NewCallAnswers, 'coordinator'>;

export interface Question {
  key: Key | 'coordinator';
  prompt: Message;
  /** Shown in brackets and used when the answer is empty. */
  fallback?: string;
  /** An empty answer leaves it out (the call then uses its default). */
  optional?: boolean;
  /** Turns an answer into the stored text, or undefined when it cannot be read. */
  read?: (text: string) => string | undefined;
}

/** 2022-09-01, 01/09/2022, 1/9/2022, 01.09.2022 → 2022-09-01. */
export function readDate(text: string): string | undefined {
  const s = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const fr = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(s);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : fr ? [fr[3], fr[2], fr[1]] : [];
  if (!y || !m || !d) return undefined;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCDate() !== Number(d) || date.getUTCMonth() !== Number(m) - 1) return undefined;
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** 2023-03, 03/2023, 3/2023 → 2023-03. */
export function readMonth(text: string): string | undefined {
  const s = text.trim();
  const iso = /^(\d{4})-(\d{1,2})$/.exec(s);
  const fr = /^(\d{1,2})[/.](\d{4})$/.exec(s);
  const [y, m] = iso ? [iso[1], iso[2]] : fr ? [fr[2], fr[1]] : [];
  if (!y || !m || Number(m) < 1 || Number(m) > 12) return undefined;
  return `${y}-${m.padStart(2, '0')}`;
}

/** « 30 000 », 30000, 30.000 → "30000". */
export function readCount(text: string): string | undefined {
  const s = text.replace(/[\s\u00a0\u202f.]/g, '');
  return /^\d+$/.test(s) ? String(Number(s)) : undefined;
}

/** « Prénom Nom <adresse> » or « Prénom Nom, adresse ». */
export function readCoordinator(text: string): { name: string; email: string } | undefined {
  const m = /^\s*(.+?)\s*(?:<\s*([^<>\s]+@[^<>\s]+)\s*>|[,;]\s*([^\s,;]+@[^\s,;]+))\s*$/.exec(text);
  const name = m?.[1];
  const email = m?.[2] ?? m?.[3];
  return name && email ? { name, email } : undefined;
}

function nonEmpty(text: string): string | undefined {
  return text.trim() === '' ? undefined : text.trim();
}

export const QUESTIONS: readonly Question[] = [
  { key: 'journal', prompt: { fr: 'Nom de la revue', en: 'Journal name' }, read: nonEmpty },
  { key: 'issue', prompt: { fr: 'Numéro (n°)', en: 'Issue number' }, read: nonEmpty },
  { key: 'theme', prompt: { fr: 'Thème du numéro', en: 'Theme of the issue' }, read: nonEmpty },
  {
    key: 'summary',
    prompt: { fr: 'Argumentaire en quelques phrases', en: 'Rationale in a few sentences' },
    optional: true,
    read: nonEmpty,
  },
  {
    key: 'deadline',
    prompt: { fr: 'Date limite de dépôt (JJ/MM/AAAA)', en: 'Submission deadline (YYYY-MM-DD)' },
    read: readDate,
  },
  { key: 'publication', prompt: { fr: 'Parution (MM/AAAA)', en: 'Publication (YYYY-MM)' }, read: readMonth },
  {
    key: 'min',
    prompt: { fr: 'Nombre minimal de signes', en: 'Minimum number of characters' },
    fallback: '5000',
    read: readCount,
  },
  {
    key: 'max',
    prompt: { fr: 'Nombre maximal de signes', en: 'Maximum number of characters' },
    fallback: '30000',
    read: readCount,
  },
  {
    key: 'coordinator',
    prompt: { fr: 'Coordinateur·rice (Prénom Nom <adresse>)', en: 'Coordinator (First Last <address>)' },
  },
  {
    key: 'email',
    prompt: { fr: 'Adresse électronique de dépôt', en: 'Submission e-mail address' },
    read: (t) => (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(t.trim()) ? t.trim() : undefined),
  },
];

/** The answers a call cannot be written without. */
export function missingAnswers(a: NewCallAnswers): Array<Key | 'coordinator'> {
  const required: Array<Key | 'coordinator'> = ['journal', 'issue', 'theme', 'deadline', 'publication'];
  const missing = required.filter((k) => k !== 'coordinator' && !a[k]);
  if (!a.coordinator?.length) missing.push('coordinator');
  if (!a.email && !a.web) missing.push('email');
  return missing;
}

export function slugOf(journal: string, issue: string): string {
  const base = `${journal}-${issue}`
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return base === '' ? 'appel' : base;
}

/** The call file's content; validateCall judges it before anything is written. */
export function buildCall(a: NewCallAnswers): CallInput {
  const journal = a.journal ?? '';
  const issue = a.issue ?? '';
  const [year, month] = (a.publication ?? '').split('-').map(Number);
  const coordinators = (a.coordinator ?? []).map((text) => {
    const c = readCoordinator(text);
    return { name: c?.name ?? text, role: 'coordination du dossier', email: c?.email ?? '' };
  });
  const channels: { email?: string; web?: string } = {};
  if (a.email) channels.email = a.email;
  if (a.web) channels.web = a.web;
  return {
    version: 1,
    id: a.id ?? slugOf(journal, issue),
    journal,
    issue: /^\d+$/.test(issue) ? Number(issue) : issue,
    theme: a.theme ?? '',
    summary: a.summary ?? `Appel à auteurs du n° ${issue} de ${journal} : ${a.theme ?? ''}.`,
    axes: [],
    coordinators,
    publication: { year: year ?? 0, month: month ?? 0 },
    deadline: {
      date: a.deadline ?? '',
      timeZone: a.timeZone ?? 'Europe/Paris',
      graceMinutes: 0,
      extensions: [],
    },
    channels,
    manuscript: {
      formats: [...SOCIOGRAPHE_81_MANUSCRIPT_RULES.formats],
      minSignes: Number(a.min ?? 5000),
      maxSignes: Number(a.max ?? 30000),
      edgeMargin: 0.01,
    },
    notesCount: true,
    contactDetails: { phone: true, postalAddress: true },
    authors: {
      naturalPersonsOnly: true,
      singleContact: true,
      order: 'alphabetical',
      authorsMayChooseOrder: true,
    },
    consents: { onlinePublication: true, freeOfCharge: true },
    contract: { required: true },
    languages: ['fr'],
    houseStyle: [],
  };
}
