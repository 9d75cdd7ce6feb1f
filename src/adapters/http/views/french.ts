import type { Lang, Message } from '../../../domain/shared/message.js';
import { frenchTypography } from '../../../domain/shared/typography.js';

/**
 * Picks the sentence in the page's language, as lang.ts's `t` does, with French typography on the
 * French one: the views are written with ordinary spaces, like the domain's messages, and
 * frenchTypography sets the no-break spaces before : ; ! ? and inside « » once, the same way for
 * the pages' own sentences as for the messages they show (say).
 */
export function t(lang: Lang, fr: string, en: string): string {
  return lang === 'fr' ? frenchTypography(fr) : en;
}

/** A message (a finding, an error, a use case's answer) in the page's language, typeset the same way. */
export function say(message: Message, lang: Lang): string {
  return lang === 'fr' ? frenchTypography(message.fr) : message.en;
}
