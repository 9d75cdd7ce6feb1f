import type { Lang } from '../shared/message.js';
import { type Block, paragraph } from './document.js';
import { countErrors, worthTelling } from './findings.js';
import { manuscriptBlocks } from './manuscripts.js';
import { submissionBlocks } from './missing.js';
import type {
  LetterFinding,
  ManuscriptReport,
  MissingField,
  NewVersionLetter,
  ReceiptLetter,
} from './model.js';
import { nextSteps } from './next-steps.js';
import { automaticNotice, followLink, greeting, receivedFiles, signature } from './sections.js';
import { fr, pick } from './words.js';

/** What the receipt and the new-version receipt share: a judged submission, told in the same order. */

export interface Judged {
  manuscripts: readonly ManuscriptReport[];
  submissionFindings: readonly LetterFinding[];
  missing: readonly MissingField[];
}

/** Something the author must do: an error anywhere, or a detail still missing. */
export function actionNeeded(j: Judged): boolean {
  const errors = j.manuscripts.reduce(
    (n, m) => n + countErrors(m.findings),
    countErrors(j.submissionFindings),
  );
  return errors > 0 || j.missing.length > 0 || j.manuscripts.some((m) => m.verdict !== 'pass');
}

function hasWarnings(j: Judged): boolean {
  return [...j.submissionFindings, ...j.manuscripts.flatMap((m) => m.findings)].some(
    (f) => f.severity === 'warning' && worthTelling(f),
  );
}

/** One sentence up front, so that the author knows at once whether anything is expected of them. */
export function summaryLine(j: Judged, lang: Lang): string {
  if (actionNeeded(j)) {
    return pick(
      lang,
      fr`Quelques points sont à reprendre : vous les trouverez ci-dessous, avec ce qu’il faut faire.`,
      'A few points need your attention: you will find them below, with what to do.',
    );
  }
  if (hasWarnings(j)) {
    return pick(
      lang,
      fr`Votre proposition est bien enregistrée. Quelques points sont à vérifier : vous les trouverez ci-dessous.`,
      'Your proposal is recorded. A few points are worth checking: you will find them below.',
    );
  }
  return pick(
    lang,
    fr`Tout est en ordre : vous n’avez rien à faire pour le moment.`,
    'Everything is in order: there is nothing you need to do for now.',
  );
}

export function subjectSuffix(j: Judged, lang: Lang): string {
  return actionNeeded(j) ? pick(lang, ' (à compléter)', ' (action needed)') : '';
}

/**
 * The body of a letter about a judged submission: greeting, the letter's own opening, whether
 * anything is expected, then what arrived, how it measures up, what is missing and what comes next.
 */
export function judgedLetterBlocks(letter: ReceiptLetter | NewVersionLetter, opening: Block[]): Block[] {
  const { lang, call } = letter;
  return [
    greeting(lang, letter.greetingName),
    ...opening,
    paragraph(summaryLine(letter, lang)),
    ...receivedFiles(letter.files, lang),
    ...manuscriptBlocks(letter.manuscripts, call, lang),
    ...submissionBlocks(letter.submissionFindings, letter.missing, lang),
    ...nextSteps(call, letter.receivedAt, actionNeeded(letter), lang),
    ...followLink(lang, letter.followUrl, letter.reference),
    signature(call, lang),
    automaticNotice(lang),
  ];
}
