import { heading, type LetterDocument, list, paragraph } from './document.js';
import { cleanText } from './escape.js';
import { askFor } from './missing.js';
import type { CompletionReminderLetter } from './model.js';
import { automaticNotice, followLink, greeting, signature } from './sections.js';
import { callLine, deadlineDay, fr, issueTitle, pick, receivedWhen } from './words.js';

/**
 * The one reminder an incomplete submission gets, a week before the deadline in force
 * (domain/submission/completion-reminder.ts): what is still missing, in the words of the receipt,
 * and a new private link where it is filled in. The earlier links keep working.
 */
export function completionReminderDocument(letter: CompletionReminderLetter): LetterDocument {
  const { lang, call } = letter;
  const title = cleanText(letter.title, 120) || pick(lang, '(sans titre)', '(no title)');
  const when = receivedWhen(letter.receivedAt, call, lang);
  const deadline = deadlineDay(call, lang);
  return {
    lang,
    subject: pick(
      lang,
      fr`Votre proposition n’est pas encore complète : ${issueTitle(call, lang)}`,
      `Your proposal is not complete yet: ${issueTitle(call, lang)}`,
    ),
    blocks: [
      greeting(lang, letter.greetingName),
      paragraph(
        pick(
          lang,
          fr`Nous avons bien reçu votre proposition « ${title} », le ${when}, pour ${callLine(call, lang)}. Merci !`,
          `We received your proposal “${title}” on ${when}, for ${callLine(call, lang)}. Thank you!`,
        ),
        pick(
          lang,
          fr`Il lui manque encore quelques éléments, et la date limite de dépôt est le ${deadline}.`,
          `A few things are still missing, and the submission deadline is ${deadline}.`,
        ),
      ),
      heading(pick(lang, 'Ce qu’il nous manque encore', 'What we still need')),
      list(
        letter.missing.map((field) => askFor(field, lang)),
        pick(
          lang,
          fr`Pour que votre proposition soit complète, il nous faut :`,
          'To complete your proposal, we need:',
        ),
      ),
      paragraph(
        pick(
          lang,
          fr`Le plus simple : ouvrez votre page de suivi avec le lien ci-dessous et complétez-la. Vous pouvez aussi répondre à ce message avec ces informations.`,
          'The simplest way: open your follow-up page with the link below and complete it. You can also reply to this message with this information.',
        ),
      ),
      ...followLink(lang, letter.followUrl, letter.reference),
      paragraph(
        pick(
          lang,
          fr`Les liens que nous vous avons envoyés auparavant restent valables. Si vous nous avez répondu entre-temps, ne tenez pas compte de ce message : c’est le seul rappel que vous recevrez.`,
          'The links we sent you before still work. If you have replied in the meantime, please ignore this message: it is the only reminder you will receive.',
        ),
      ),
      signature(call, lang),
      automaticNotice(lang),
    ],
  };
}
