import type { FastifyRequest } from 'fastify';
import type { Lang, Message } from '../../domain/shared/message.js';
import { frenchTypography } from '../../domain/shared/typography.js';

/** French first: ?lang=en or the lang cookie switch to English; the browser's wish comes last. */
export function langOf(request: FastifyRequest): Lang {
  const query = (request.query as Record<string, unknown> | undefined)?.lang;
  if (query === 'fr' || query === 'en') return query;
  const cookie = request.cookies?.lang;
  if (cookie === 'fr' || cookie === 'en') return cookie;
  const accepted = request.headers['accept-language'] ?? '';
  return /^\s*en\b/i.test(accepted) ? 'en' : 'fr';
}

/**
 * Picks the sentence in the page's language, with French typography on the French one: views and
 * routes are written with ordinary spaces, like the domain's messages, and frenchTypography sets
 * the no-break spaces (before : ; ! ?, inside « », after n°) once, the same way for the pages' own
 * sentences as for the messages they show (say). It gives the same text when applied again.
 */
export function t(lang: Lang, fr: string, en: string): string {
  return lang === 'fr' ? frenchTypography(fr) : en;
}

/** A message (a finding, an error, a use case's answer) in the page's language, typeset the same way. */
export function say(message: Message, lang: Lang): string {
  return t(lang, message.fr, message.en);
}
