import { type LetterDocument, link, list, paragraph } from './document.js';
import { cleanText, isWebLink } from './escape.js';
import type { ContractReturnedLetter, ContractSentLetter } from './model.js';
import { automaticNotice, greeting, signature } from './sections.js';
import { fr, issueTitle, pick } from './words.js';

/**
 * The contract is ready: where to find it, and the three steps, in plain words (many authors sign
 * on paper: a photo of each page is enough). The link is a new private link to the same page.
 */
export function contractSentDocument(letter: ContractSentLetter): LetterDocument {
  const { lang, call } = letter;
  const title = cleanText(letter.title, 120) || pick(lang, '(sans titre)', '(no title)');
  const url = isWebLink(letter.followUrl) ? [link(letter.followUrl)] : [letter.followUrl];
  return {
    lang,
    subject: pick(
      lang,
      fr`Votre contrat d’édition : ${issueTitle(call, lang)}`,
      `Your publishing contract: ${issueTitle(call, lang)}`,
    ),
    blocks: [
      greeting(lang, letter.greetingName),
      paragraph(
        pick(
          lang,
          fr`Le contrat d’édition de votre texte « ${title} » est prêt. Il vous attend sur votre page de suivi :`,
          `The publishing contract for your text “${title}” is ready. It is waiting for you on your follow-up page:`,
        ),
        url,
      ),
      list(
        [
          pick(
            lang,
            fr`Ouvrez la page et téléchargez le contrat ; lisez-le.`,
            'Open the page and download the contract; read it.',
          ),
          pick(
            lang,
            fr`Signez-le : à la main après l’avoir imprimé, ou avec une signature électronique.`,
            'Sign it: by hand after printing it, or with an electronic signature.',
          ),
          pick(
            lang,
            fr`Renvoyez-le depuis la même page : un PDF, ou une photo lisible de chaque page, suffit.`,
            'Send it back from the same page: a PDF, or a clear photo of each page, is enough.',
          ),
        ],
        pick(lang, 'Ce qu’il reste à faire', 'What is left to do'),
      ),
      paragraph(
        pick(
          lang,
          fr`Ce lien est personnel : il ouvre votre dossier sans mot de passe. Ne le transmettez pas. Les liens que nous vous avons envoyés auparavant restent valables.`,
          'This link is personal: it opens your file without a password. Do not pass it on. The links we sent you before still work.',
        ),
        pick(
          lang,
          fr`Une question sur le contrat ? Répondez simplement à ce message.`,
          'A question about the contract? Simply reply to this message.',
        ),
      ),
      signature(call, lang),
      automaticNotice(lang),
    ],
  };
}

/** To the coordinator who sent the contract: a signed copy came back, to look at on the desk. */
export function contractReturnedDocument(letter: ContractReturnedLetter): LetterDocument {
  const { lang, call, reference } = letter;
  return {
    lang,
    subject: pick(
      lang,
      fr`Contrat signé reçu : proposition ${reference} (${issueTitle(call, lang)})`,
      `Signed contract received: submission ${reference} (${issueTitle(call, lang)})`,
    ),
    blocks: [
      greeting(lang, letter.greetingName),
      paragraph(
        pick(
          lang,
          fr`L’auteur de la proposition ${reference} a renvoyé le contrat signé. Vérifiez-le sur la page de la proposition, puis enregistrez la signature :`,
          `The author of submission ${reference} sent the signed contract back. Check it on the submission’s page, then record the signature:`,
        ),
        isWebLink(letter.deskUrl) ? [link(letter.deskUrl)] : [letter.deskUrl],
      ),
      signature(call, lang),
      automaticNotice(lang),
    ],
  };
}
