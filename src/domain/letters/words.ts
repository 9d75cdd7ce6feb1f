import { formatInstant, formatLocalDay } from '../call/format-date.js';
import { formatNumber, type Lang } from '../shared/message.js';
import { frenchTypography } from '../shared/typography.js';
import type { CallFacts } from './model.js';

/** Small pieces of wording shared by every letter. */

export const NBSP = '\u00a0';

/**
 * French typography on the letter's own words only: `fr\`Reçu le ${date} : merci !\`` fixes the
 * spaces of the literal parts and leaves the values (a file name, a link) exactly as they are.
 */
export function fr(strings: TemplateStringsArray, ...values: unknown[]): string {
  let out = '';
  strings.forEach((part, i) => {
    out += frenchTypography(part);
    if (i < values.length) out += String(values[i]);
  });
  return out;
}

/** The French or the English wording. */
export function pick(lang: Lang, french: string, english: string): string {
  return lang === 'fr' ? french : english;
}

/** « Sociographe n° 81 » / "Sociographe no. 81"; a non-numeric issue is quoted as given. */
export function issueTitle(call: CallFacts, lang: Lang): string {
  if (typeof call.issue === 'number') {
    return pick(lang, `${call.journal} n°${NBSP}${call.issue}`, `${call.journal} no. ${call.issue}`);
  }
  return `${call.journal}, ${call.issue}`;
}

/** « jeudi 1er septembre 2022 » */
export function deadlineDay(call: CallFacts, lang: Lang): string {
  return formatLocalDay(call.deadline.date, lang);
}

/** « jeudi 25 août 2022 à 14 h 03 (heure de Paris) », in the call's time zone. */
export function receivedWhen(receivedAt: string, call: CallFacts, lang: Lang): string {
  return formatInstant(Date.parse(receivedAt), call.deadline.timeZone, lang);
}

/** « 42 Ko », « 1,2 Mo » / "42 KB", "1.2 MB" (1 Ko = 1,024 bytes, as file managers show it). */
export function fileSize(bytes: number, lang: Lang): string {
  if (bytes < 1024) return `${formatNumber(bytes, lang)}${NBSP}${pick(lang, 'octets', 'bytes')}`;
  if (bytes < 1024 * 1024) {
    return `${formatNumber(Math.round(bytes / 1024), lang)}${NBSP}${pick(lang, 'Ko', 'KB')}`;
  }
  const mb = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 }).format(
    bytes / (1024 * 1024),
  );
  return `${mb}${NBSP}${pick(lang, 'Mo', 'MB')}`;
}

/** « 5 000 à 30 000 signes » / "5,000 to 30,000 characters" */
export function lengthWindow(call: CallFacts, lang: Lang): string {
  const min = formatNumber(call.minSignes, lang);
  const max = formatNumber(call.maxSignes, lang);
  return pick(lang, `de ${min} à ${max} signes`, `${min} to ${max} characters`);
}

/**
 * The accepted formats in words people know. Macro-enabled and template variants are accepted
 * when a call lists them, but nobody should be told to send one.
 */
export function acceptedFormats(call: CallFacts, lang: Lang): string {
  const names: string[] = [];
  if (call.formats.includes('docx')) names.push(pick(lang, 'Word (.docx)', 'Word (.docx)'));
  if (call.formats.includes('odt')) names.push(pick(lang, 'LibreOffice (.odt)', 'LibreOffice (.odt)'));
  if (call.formats.includes('doc')) names.push(pick(lang, 'Word ancien format (.doc)', 'older Word (.doc)'));
  if (names.length === 0) names.push(call.formats.map((f) => `.${f}`).join(', '));
  if (names.length === 1) return names[0] ?? '';
  const last = names.pop();
  return `${names.join(', ')} ${pick(lang, 'ou', 'or')} ${last}`;
}

/** Sociographe n° 81, « Impacts du numérique en travail social » */
export function callLine(call: CallFacts, lang: Lang): string {
  return pick(
    lang,
    fr`${issueTitle(call, lang)}, « ${call.theme} »`,
    `${issueTitle(call, lang)}, “${call.theme}”`,
  );
}
