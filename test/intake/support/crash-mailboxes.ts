import { docxAttachment, mailFrom, manuscriptDocx, ON_TIME, type Person } from './fixtures.js';

/** The mailboxes of the crash tests: what each holds is in PER_MBOX and FULL_RUN (crash-safety.test.ts). */

const GIVEN = ['Alice', 'Bruno', 'Chloé', 'Damien', 'Élise', 'Fabien', 'Gaëlle', 'Hugo', 'Inès', 'Jules'];
const SURNAME = ['Arnaud', 'Bertin', 'Carpentier', 'Delmas', 'Espinasse', 'Fournier', 'Girard', 'Hamon'];

function person(run: number, k: number): Person {
  const given = GIVEN[(run * 3 + k) % GIVEN.length] as string;
  const surname = SURNAME[(run * 5 + k) % SURNAME.length] as string;
  const slug = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return {
    given,
    surname,
    address: `${slug(given)}.${slug(surname)}.${run}.${k}@exemple.fr`,
    street: `${10 + k} rue des Écoles`,
    city: '69003 Lyon',
    phone: `04 65 71 ${String(10 + run).padStart(2, '0')} ${String(20 + k).padStart(2, '0')}`,
  };
}

/**
 * Mailbox number `run`: two clean submissions, an out-of-office reply, a reply in the first
 * thread with a revised file (a new version, with its own receipt), a message without a file
 * (answered with what to send), and the second message again, byte for byte. Four letters.
 */
export async function mailbox(run: number): Promise<Buffer[]> {
  const [a, b, c, d] = [0, 1, 2, 3].map((k) => person(run, k)) as [Person, Person, Person, Person];
  const at = (minutes: number) => new Date(ON_TIME.getTime() + (run * 60 + minutes) * 60_000);
  const id = (k: string) => `<run${run}.${k}@exemple.fr>`;
  const first = await mailFrom({
    from: a,
    messageId: id('a'),
    date: at(0),
    subject: `Proposition ${run} : accompagner à distance`,
    attachments: [docxAttachment(`article-${run}-a.docx`, await manuscriptDocx(1000 + run * 10 + 1))],
  });
  const second = await mailFrom({
    from: b,
    messageId: id('b'),
    date: at(1),
    subject: `Proposition ${run} : les plateformes`,
    attachments: [docxAttachment(`article-${run}-b.docx`, await manuscriptDocx(1000 + run * 10 + 2))],
  });
  const auto = await mailFrom({
    from: c,
    messageId: id('c'),
    date: at(2),
    subject: 'Réponse automatique : absent',
    text: 'Je suis absent du bureau.\n',
    headers: { 'Auto-Submitted': 'auto-replied' },
  });
  const revised = await mailFrom({
    from: a,
    messageId: id('a2'),
    date: at(3),
    inReplyTo: id('a'),
    references: [id('a')],
    subject: `Re: Proposition ${run} : accompagner à distance`,
    attachments: [docxAttachment(`article-${run}-a-v2.docx`, await manuscriptDocx(1000 + run * 10 + 3))],
  });
  const question = await mailFrom({
    from: d,
    messageId: id('d'),
    date: at(4),
    subject: 'Une question sur l’appel',
    text: 'Bonjour, sous quelle forme faut-il envoyer un texte ?\n',
  });
  return [first, second, auto, revised, question, second];
}
