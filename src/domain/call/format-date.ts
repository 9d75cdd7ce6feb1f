import type { Lang, Message } from '../shared/message.js';
import { parseLocalDate, wallClockAt } from './time-zone.js';

/**
 * Dates as people read them in letters: « jeudi 1er septembre 2022 à 23 h 59 (heure de Paris) »,
 * "Thursday 1 September 2022 at 23:59 (Paris time)". French typography: « 1er », « 23 h 59 ».
 */

const NBSP = '\u00a0';

/** Built once per language: a DateTimeFormat costs far more to build than to use (every page shows dates). */
const DAY_FORMATS: Record<Lang, Intl.DateTimeFormat> = {
  fr: dayFormat('fr-FR'),
  en: dayFormat('en-GB'),
};

function dayFormat(locale: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
}

function dayText(year: number, month: number, day: number, lang: Lang): string {
  const noon = new Date(Date.UTC(year, month - 1, day, 12));
  const parts = DAY_FORMATS[lang].formatToParts(noon);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const d = lang === 'fr' && day === 1 ? '1er' : String(day);
  return `${get('weekday')} ${d} ${get('month')} ${year}`;
}

/** A calendar day, "2022-09-01" → « jeudi 1er septembre 2022 ». */
export function formatLocalDay(date: string, lang: Lang): string {
  const { year, month, day } = parseLocalDate(date);
  return dayText(year, month, day, lang);
}

/** The name people use for the time zone: « heure de Paris » rather than "Europe/Paris". */
export function zoneName(timeZone: string): Message {
  if (timeZone === 'Europe/Paris') return { fr: 'heure de Paris', en: 'Paris time' };
  return { fr: `fuseau ${timeZone}`, en: `${timeZone} time` };
}

/** An instant in the call's time zone, to the minute. */
export function formatInstant(instant: number, timeZone: string, lang: Lang): string {
  const w = wallClockAt(instant, timeZone);
  const mm = String(w.minute).padStart(2, '0');
  const zone = zoneName(timeZone)[lang];
  if (lang === 'fr') {
    const hh = String(w.hour);
    return `${dayText(w.year, w.month, w.day, 'fr')} à ${hh}${NBSP}h${NBSP}${mm} (${zone})`;
  }
  return `${dayText(w.year, w.month, w.day, 'en')} at ${String(w.hour).padStart(2, '0')}:${mm} (${zone})`;
}

/** Both languages at once, for messages. */
export function instantMessage(instant: number, timeZone: string): Message {
  return { fr: formatInstant(instant, timeZone, 'fr'), en: formatInstant(instant, timeZone, 'en') };
}

export function dayMessage(date: string): Message {
  return { fr: formatLocalDay(date, 'fr'), en: formatLocalDay(date, 'en') };
}
