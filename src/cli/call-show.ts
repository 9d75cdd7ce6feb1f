import { callText } from '../domain/call/call-text.js';
import { callStatus, effectiveDeadline } from '../domain/call/deadline.js';
import { formatInstant, formatLocalDay } from '../domain/call/format-date.js';
import type { Call } from '../domain/call/schema.js';
import { formatNumber, type Lang } from '../domain/shared/message.js';
import { frenchTypography } from '../domain/shared/typography.js';

/**
 * The call as a person reads it: theme, axes, deadline in the call's time zone, and the rules in
 * plain words. French by default, English on request.
 */

type Pair = { fr: string; en: string };
const t = (lang: Lang, fr: string, en: string) => (lang === 'fr' ? fr : en);
/** « Parution : » in French, "Publication: " in English. */
const label = (lang: Lang, fr: string, en: string) => (lang === 'fr' ? `${fr} : ` : `${en}: `);
const listSep = (lang: Lang) => (lang === 'fr' ? ' ; ' : '; ');

const MONTHS: Record<Lang, string[]> = {
  fr: 'janvier février mars avril mai juin juillet août septembre octobre novembre décembre'.split(' '),
  en: 'January February March April May June July August September October November December'.split(' '),
};

const LANGUAGE_NAMES = (lang: Lang) => new Intl.DisplayNames([lang], { type: 'language' });

function yesNo(lang: Lang, value: boolean, yes: Pair, no: Pair): string {
  return value ? yes[lang] : no[lang];
}

function header(call: Call, lang: Lang): string[] {
  const month = MONTHS[lang][call.publication.month - 1];
  return [
    `${call.journal} — ${label(lang, `n° ${call.issue}`, `no. ${call.issue}`)}${callText(call, call.theme)}`,
    `${label(lang, 'Parution', 'Publication')}${month} ${call.publication.year}`,
  ];
}

function deadlineLines(call: Call, lang: Lang, now: Date): string[] {
  const d = call.deadline;
  const e = effectiveDeadline(d);
  const lines = [
    `${label(lang, 'Date limite de dépôt', 'Submission deadline')}${formatInstant(e.original.endsAt, d.timeZone, lang)}${t(lang, ', jour inclus', ', day included')}`,
  ];
  for (const x of d.extensions) {
    lines.push(
      `  ${t(lang, 'Prolongation jusqu’au', 'Extended until')} ${formatLocalDay(x.date, lang)} ${t(lang, 'inclus, décidée le', 'inclusive, decided on')} ${formatLocalDay(x.decidedOn, lang)}`,
    );
  }
  if (d.graceMinutes > 0) {
    lines.push(
      `  ${label(lang, 'Tolérance (non annoncée aux auteurs)', 'Tolerance (not announced to authors)')}${d.graceMinutes} min`,
    );
  }
  const status = callStatus(d, now.getTime());
  const names: Record<typeof status, Pair> = {
    open: { fr: 'ouvert', en: 'open' },
    extended: { fr: 'prolongé', en: 'extended' },
    closed: { fr: 'clos', en: 'closed' },
  };
  lines.push(
    `${label(lang, 'État de l’appel aujourd’hui', 'Status of the call today')}${names[status][lang]}`,
  );
  const channels = [
    call.channels.email ? `${t(lang, 'par courriel à', 'by e-mail to')} ${call.channels.email}` : undefined,
    call.channels.web ? `${t(lang, 'site', 'website')} ${call.channels.web}` : undefined,
  ].filter(Boolean);
  lines.push(`${label(lang, 'Dépôt', 'Submission')}${channels.join(listSep(lang))}`);
  return lines;
}

function axesLines(call: Call, lang: Lang): string[] {
  if (call.axes.length === 0) return [];
  return [
    '',
    t(lang, 'Axes de réflexion', 'Lines of inquiry'),
    ...call.axes.flatMap((a, i) => [
      `  ${i + 1}. ${callText(call, a.title)}`,
      `     ${callText(call, a.summary)}`,
    ]),
  ];
}

function rulesLines(call: Call, lang: Lang): string[] {
  const m = call.manuscript;
  const formats = m.formats.map((f) => `.${f}`).join(', ');
  const contact = [
    call.contactDetails.phone ? t(lang, 'téléphone', 'phone') : undefined,
    call.contactDetails.postalAddress ? t(lang, 'adresse postale', 'postal address') : undefined,
  ].filter(Boolean);
  const consents = [
    call.consents.onlinePublication
      ? t(lang, 'mise en ligne possible sur Internet', 'possible online publication')
      : undefined,
    call.consents.freeOfCharge ? t(lang, 'remise à titre gracieux', 'given free of charge') : undefined,
  ].filter(Boolean);
  const a = call.authors;
  const order =
    a.order === 'alphabetical'
      ? t(lang, 'auteurs présentés par ordre alphabétique', 'authors presented in alphabetical order') +
        (a.authorsMayChooseOrder ? t(lang, ', sauf demande contraire', ', unless they ask otherwise') : '')
      : t(lang, 'auteurs présentés dans l’ordre donné', 'authors presented in the order given');
  const lines = [
    '',
    t(lang, 'Règles', 'Rules'),
    `  - ${label(lang, 'Manuscrit', 'Manuscript')}${formats}, ${t(lang, 'entre', 'between')} ${formatNumber(m.minSignes, lang)} ${t(lang, 'et', 'and')} ${formatNumber(m.maxSignes, lang)} ${t(lang, 'signes espaces compris', 'characters including spaces')}, ${yesNo(lang, call.notesCount, { fr: 'notes comprises', en: 'notes included' }, { fr: 'notes non comptées', en: 'notes not counted' })}`,
    `  - ${label(lang, 'Auteurs', 'Authors')}${yesNo(lang, a.naturalPersonsOnly, { fr: 'personnes physiques uniquement (pas de personnes morales)', en: 'natural persons only (no legal entities)' }, { fr: 'personnes physiques ou morales', en: 'natural persons or legal entities' })}`,
  ];
  if (a.singleContact)
    lines.push(
      `  - ${t(lang, 'Co-auteurs : un seul contact pour la rédaction', 'Co-authors: a single contact for the editors')}`,
    );
  lines.push(`  - ${order.charAt(0).toUpperCase()}${order.slice(1)}`);
  if (contact.length)
    lines.push(
      `  - ${label(lang, 'Coordonnées demandées', 'Contact details asked for')}${contact.join(', ')}`,
    );
  if (consents.length)
    lines.push(`  - ${label(lang, 'Autorisations', 'Consents')}${consents.join(listSep(lang))}`);
  if (call.contract.required) {
    const terms = call.contract.terms ? ` — ${call.contract.terms[lang]}` : '';
    lines.push(
      `  - ${t(lang, 'Publication soumise à un contrat d’édition', 'Publication subject to a publishing contract')}${terms}`,
    );
  }
  const names = LANGUAGE_NAMES(lang);
  lines.push(
    `  - ${label(lang, 'Langues', 'Languages')}${call.languages.map((l) => names.of(l) ?? l).join(', ')}`,
  );
  for (const h of call.houseStyle) lines.push(`  - ${h.label[lang]}`);
  return lines;
}

export function describeCall(call: Call, lang: Lang, now: Date): string {
  const lines = [
    ...header(call, lang),
    ...deadlineLines(call, lang, now),
    '',
    t(lang, 'Argumentaire', 'Rationale'),
    `  ${callText(call, call.summary)}`,
    ...axesLines(call, lang),
    '',
    t(lang, 'Coordination du dossier', 'Issue coordinators'),
    ...call.coordinators.map((c) => `  - ${c.name}, ${c.role} (${c.email})`),
    ...rulesLines(call, lang),
  ];
  const text = lines.join('\n');
  return lang === 'fr' ? frenchTypography(text) : text;
}
