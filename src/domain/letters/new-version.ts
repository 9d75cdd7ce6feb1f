import type { LetterDocument } from './document.js';
import { paragraph } from './document.js';
import { cleanText } from './escape.js';
import { judgedLetterBlocks, subjectSuffix } from './judged.js';
import type { NewVersionLetter } from './model.js';
import { fr, issueTitle, pick, receivedWhen } from './words.js';

/** The receipt of a new version: the same checks as the first receipt, and the reassurance that
 * nothing was replaced behind the author's back (every version is kept). */
export function newVersionDocument(letter: NewVersionLetter): LetterDocument {
  const { lang, call } = letter;
  const when = receivedWhen(letter.receivedAt, call, lang);
  const issue = issueTitle(call, lang);
  const title = letter.title === undefined ? '' : cleanText(letter.title, 120);
  const n = letter.versionNumber;
  const which =
    title === ''
      ? pick(lang, `de votre proposition pour ${issue}`, `of your proposal for ${issue}`)
      : pick(
          lang,
          fr`de votre proposition « ${title} » pour ${issue}`,
          `of your proposal “${title}” for ${issue}`,
        );
  return {
    lang,
    subject:
      pick(
        lang,
        fr`Nouvelle version reçue : votre proposition pour ${issue}`,
        `New version received: your proposal for ${issue}`,
      ) + subjectSuffix(letter, lang),
    blocks: judgedLetterBlocks(letter, [
      paragraph(
        pick(
          lang,
          `Nous avons bien reçu, le ${when}, une nouvelle version (version ${n}) ${which}. Merci.`,
          `We have received, on ${when}, a new version (version ${n}) ${which}. Thank you.`,
        ),
        pick(
          lang,
          fr`La version précédente reste enregistrée ; c’est cette nouvelle version que les coordinateurs du dossier liront.`,
          'The previous version stays on file; this new version is the one the issue coordinators will read.',
        ),
      ),
    ]),
  };
}
