import type { Lang } from '../shared/message.js';
import { type Block, footer, heading, link, list, paragraph } from './document.js';
import { cleanText, isWebLink } from './escape.js';
import type { CallFacts, ReceivedFile } from './model.js';
import { fileSize, fr, pick } from './words.js';

/** The parts every letter shares: greeting, files received, private link, signature. */

export function greeting(lang: Lang, name: string | undefined): Block {
  const who = name === undefined ? '' : cleanText(name, 80);
  if (who === '') return paragraph(pick(lang, 'Bonjour,', 'Hello,'));
  return paragraph(pick(lang, `Bonjour ${who},`, `Hello ${who},`));
}

/** « manuscrit.docx (42 Ko) », the name cleaned of anything that could disguise it. */
export function fileLine(file: ReceivedFile, lang: Lang): string {
  return `${cleanText(file.name) || pick(lang, '(sans nom)', '(no name)')} (${fileSize(file.bytes, lang)})`;
}

export function receivedFiles(files: readonly ReceivedFile[], lang: Lang, title?: string): Block[] {
  if (files.length === 0) return [];
  return [
    heading(title ?? pick(lang, 'Ce que nous avons reçu', 'What we received')),
    list(files.map((f) => fileLine(f, lang))),
  ];
}

/**
 * The private link, and why it must stay private: it opens the submission without a password,
 * which is what makes it usable by people who would never manage an account.
 */
export function followLink(lang: Lang, url: string | undefined, reference: string | undefined): Block[] {
  if (url === undefined && reference === undefined) return [];
  const blocks: Block[] = [heading(pick(lang, 'Suivre votre proposition', 'Following your proposal'))];
  if (reference !== undefined) {
    const ref = cleanText(reference, 60);
    blocks.push(
      paragraph(
        pick(
          lang,
          fr`Votre proposition porte la référence ${ref}. Indiquez-la si vous nous écrivez.`,
          `Your proposal’s reference is ${ref}. Please quote it if you write to us.`,
        ),
      ),
    );
  }
  if (url !== undefined && isWebLink(url)) {
    blocks.push(
      paragraph(
        pick(
          lang,
          fr`Vous pouvez suivre votre proposition à tout moment à cette adresse :`,
          'You can follow your proposal at any time at this address:',
        ),
        [link(url)],
      ),
      paragraph(
        pick(
          lang,
          fr`Ce lien est personnel : il ouvre votre dossier sans mot de passe. Ne le transmettez pas.`,
          'This link is personal: it opens your file without a password. Do not pass it on.',
        ),
      ),
    );
  }
  return blocks;
}

export function signature(call: CallFacts, lang: Lang): Block {
  const journal = cleanText(call.journal, 80);
  return paragraph(
    pick(lang, 'Bien cordialement,', 'Kind regards,'),
    pick(lang, `La rédaction de ${journal}`, `The editors of ${journal}`),
  );
}

/** People not at ease with e-mail need to know a person reads the reply. */
export function automaticNotice(lang: Lang): Block {
  return footer(automaticNoticeText(lang));
}

export function automaticNoticeText(lang: Lang): string {
  return pick(
    lang,
    fr`Ce message a été envoyé automatiquement. Vous pouvez y répondre : une personne de la rédaction lira votre réponse.`,
    'This message was sent automatically. You can reply to it: a member of the editorial team will read your reply.',
  );
}
