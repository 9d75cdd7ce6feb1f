/** Every sentence a person reads exists in French first and English second. */
export interface Message {
  fr: string;
  en: string;
}

export type Lang = 'fr' | 'en';

export function say(message: Message, lang: Lang): string {
  return message[lang];
}

/** Formats an integer the French way (narrow no-break space between thousands) or the English way. */
export function formatNumber(n: number, lang: Lang): string {
  return NUMBER_FORMATS[lang].format(n);
}

/** Built once: a NumberFormat costs far more to build than to use. */
const NUMBER_FORMATS: Record<Lang, Intl.NumberFormat> = {
  fr: new Intl.NumberFormat('fr-FR'),
  en: new Intl.NumberFormat('en-GB'),
};
