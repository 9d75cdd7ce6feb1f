import type { Lang, Message } from '../shared/message.js';
import { type Block, footerIn, heading, inLanguage, type LetterDocument, paragraph } from './document.js';
import { automaticNoticeText } from './sections.js';

/**
 * A letter said twice, in French then in English, with one notice at the end: for letters whose
 * reader's language we cannot take from their message (it was never read), or that must be
 * understood whatever it is (nothing was recorded, and they have to know why). The English blocks
 * say so, for the HTML's screen readers; the footer holds both languages, each line marked with its own.
 */
export function bilingualDocument(subject: Message, inOneLanguage: (lang: Lang) => Block[]): LetterDocument {
  return {
    lang: 'fr',
    subject: `${subject.fr} / ${subject.en}`,
    blocks: [
      ...inLanguage('en', [paragraph('(English version below.)')]),
      ...inOneLanguage('fr'),
      ...inLanguage('en', [heading('English version'), ...inOneLanguage('en')]),
      footerIn([
        { lang: 'fr', text: automaticNoticeText('fr') },
        { lang: 'en', text: automaticNoticeText('en') },
      ]),
    ],
  };
}
