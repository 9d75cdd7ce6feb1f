import { endOfLocalDay } from '../call/deadline.js';
import type { Lang } from '../shared/message.js';
import { type Block, heading, paragraph } from './document.js';
import type { CallFacts } from './model.js';
import { deadlineDay, fr, pick } from './words.js';

/** Whether the message arrived before the end of the deadline day in force (the call's zone). */
export function beforeDeadline(call: CallFacts, receivedAt: string): boolean {
  return Date.parse(receivedAt) <= endOfLocalDay(call.deadline.date, call.deadline.timeZone);
}

/**
 * What happens next, and what the author can still do before the deadline. After the deadline
 * nothing is promised: the coordinators decide (a late text is recorded, never dropped).
 */
export function nextSteps(call: CallFacts, receivedAt: string, actionNeeded: boolean, lang: Lang): Block[] {
  const day = deadlineDay(call, lang);
  const decide = pick(
    lang,
    'Les coordinateurs du dossier et le comité de rédaction liront ensuite les propositions. Nous vous écrirons pour vous dire ce qu’ils ont décidé.',
    'The issue coordinators and the editorial committee will then read the proposals. We will write to tell you what they decided.',
  );
  const blocks: Block[] = [heading(pick(lang, 'La suite', 'What happens next'))];
  if (!beforeDeadline(call, receivedAt)) {
    blocks.push(
      paragraph(
        pick(lang, fr`La date limite de l’appel était le ${day}.`, `The call’s deadline was ${day}.`),
        decide,
      ),
    );
    return blocks;
  }
  blocks.push(
    paragraph(
      actionNeeded
        ? pick(
            lang,
            fr`Vous pouvez corriger ces points et nous renvoyer votre manuscrit jusqu’au ${day} inclus : répondez simplement à ce message.`,
            `You can correct these points and send your manuscript again until ${day} inclusive: simply reply to this message.`,
          )
        : pick(
            lang,
            fr`Vous pouvez encore nous envoyer une nouvelle version jusqu’au ${day} inclus, en répondant à ce message : nous lirons la plus récente.`,
            `You can still send us a new version until ${day} inclusive, by replying to this message: we will read the most recent one.`,
          ),
      decide,
    ),
  );
  return blocks;
}

/** The deadline, for a letter that asks for a manuscript (again): when late, who decides. */
export function deadlineLine(call: CallFacts, receivedAt: string, lang: Lang): Block {
  const day = deadlineDay(call, lang);
  if (beforeDeadline(call, receivedAt)) {
    return paragraph(
      pick(
        lang,
        fr`La date limite de dépôt est le ${day} inclus.`,
        `The submission deadline is ${day} inclusive.`,
      ),
    );
  }
  return paragraph(
    pick(
      lang,
      fr`La date limite de dépôt était le ${day}. Un manuscrit envoyé maintenant sera enregistré, et les coordinateurs du dossier décideront s’ils peuvent encore le prendre en compte.`,
      `The submission deadline was ${day}. A manuscript sent now will be recorded, and the issue coordinators will decide whether they can still consider it.`,
    ),
  );
}
