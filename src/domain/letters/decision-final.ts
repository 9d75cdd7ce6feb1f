import type { Lang } from '../shared/message.js';
import { bilingualDocument } from './bilingual.js';
import { type Block, heading, type LetterDocument, list, paragraph } from './document.js';
import { cleanText } from './escape.js';
import type { DecisionFinalLetter } from './model.js';
import { greeting, receivedFiles, signature } from './sections.js';
import { fr, issueTitle, pick, receivedWhen } from './words.js';

/**
 * A new file for a proposal already decided on. The author's private link no longer offers to
 * send one; by e-mail the file arrives anyway, and is not added. The letter says so plainly: the
 * decision stands, nothing was added to the file, and a person (a coordinator) is the one to
 * write to — the author may have a real reason to write (a correction to an accepted text).
 */

function decided(letter: DecisionFinalLetter, lang: Lang): string {
  switch (letter.decision) {
    case 'accept':
      return pick(
        lang,
        fr`La décision sur cette proposition est définitive : le comité de rédaction l’a acceptée, avec le texte que vous nous aviez envoyé auparavant.`,
        'The decision on this proposal is final: the editorial committee accepted it, with the text you had sent us before.',
      );
    case 'decline':
      return pick(
        lang,
        fr`La décision sur cette proposition est définitive : le comité de rédaction ne l’a pas retenue.`,
        'The decision on this proposal is final: the editorial committee did not select it.',
      );
    case 'withdraw':
      return pick(
        lang,
        fr`La décision sur cette proposition est définitive : vous l’avez retirée.`,
        'The decision on this proposal is final: you withdrew it.',
      );
  }
}

function whatHappened(letter: DecisionFinalLetter, lang: Lang): Block {
  const when = receivedWhen(letter.receivedAt, letter.call, lang);
  const title = cleanText(letter.title, 120) || pick(lang, '(sans titre)', '(no title)');
  return paragraph(
    pick(
      lang,
      fr`Nous avons bien reçu votre message du ${when}, avec un nouveau fichier pour votre proposition « ${title} ».`,
      `We have received your message of ${when}, with a new file for your proposal “${title}”.`,
    ),
    decided(letter, lang),
    pick(
      lang,
      fr`Nous n’avons donc rien ajouté à votre proposition : ce fichier n’est pas enregistré comme une nouvelle version.`,
      'So we have added nothing to your proposal: this file is not recorded as a new version.',
    ),
  );
}

function whomToWrite(letter: DecisionFinalLetter, lang: Lang): Block[] {
  const title = pick(lang, 'À qui écrire', 'Whom to write to');
  if (letter.coordinators.length === 0) {
    return [
      heading(title),
      paragraph(
        pick(
          lang,
          fr`Pour toute question sur votre proposition, répondez à ce message : une personne de la rédaction le lira.`,
          'For any question about your proposal, reply to this message: a member of the editorial team will read it.',
        ),
      ),
    ];
  }
  return [
    heading(title),
    paragraph(
      pick(
        lang,
        fr`Pour toute question sur votre proposition, écrivez aux coordinateurs du dossier :`,
        'For any question about your proposal, write to the issue coordinators:',
      ),
    ),
    list(letter.coordinators.map((c) => `${cleanText(c.name, 80)} (${cleanText(c.email, 120)})`)),
  ];
}

export function decisionFinalDocument(letter: DecisionFinalLetter): LetterDocument {
  const { call } = letter;
  return bilingualDocument(
    {
      fr: fr`Votre proposition pour ${issueTitle(call, 'fr')} : la décision est définitive`,
      en: `Your proposal for ${issueTitle(call, 'en')}: the decision is final`,
    },
    (lang) => [
      greeting(lang, letter.greetingName),
      whatHappened(letter, lang),
      ...receivedFiles(letter.files, lang),
      ...whomToWrite(letter, lang),
      signature(call, lang),
    ],
  );
}
