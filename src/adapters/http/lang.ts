import type { FastifyRequest } from 'fastify';
import type { Lang } from '../../domain/shared/message.js';

/** French first: ?lang=en or the lang cookie switch to English; the browser's wish comes last. */
export function langOf(request: FastifyRequest): Lang {
  const query = (request.query as Record<string, unknown> | undefined)?.lang;
  if (query === 'fr' || query === 'en') return query;
  const cookie = request.cookies?.lang;
  if (cookie === 'fr' || cookie === 'en') return cookie;
  const accepted = request.headers['accept-language'] ?? '';
  return /^\s*en\b/i.test(accepted) ? 'en' : 'fr';
}

/** Picks the sentence in the page's language. */
export function t(lang: Lang, fr: string, en: string): string {
  return lang === 'fr' ? fr : en;
}
