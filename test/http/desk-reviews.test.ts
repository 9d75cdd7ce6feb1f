import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { analyseManuscript } from '../../src/adapters/manuscript/analyse-manuscript.js';
import { addManuscriptVersion } from '../../src/app/add-manuscript-version.js';
import { prepareLetterJob } from '../../src/app/process-outbox.js';
import { LINK_REMOVED, redactLetterSecrets } from '../../src/app/sent-letter-secrets.js';
import type { JsonObject } from '../../src/ports/json.js';
import type { RunningDesk } from '../helpers/http-server.js';
import {
  csrfIn,
  newLetters,
  postTransition,
  type Staff,
  seedSubmission,
  signIn,
  staffMember,
  startTestDesk,
  type TestClock,
  testClock,
  Visitor,
} from './desk-helpers.js';

/**
 * Blind review through the real server and SQLite: a coordinator asks a reader, the reader's link
 * opens the anonymised copy and the form (never the authors), the opinion comes back to the desk
 * and tells the coordinator; decline, cancel and a decision close the request.
 */
describe('blind review: the desk asks, the reader answers through a private link', () => {
  let desk: RunningDesk;
  let clock: TestClock;
  let coordinator: Staff;
  let committee: Staff;

  before(async () => {
    ({ desk, clock } = await startTestDesk({}, testClock(Date.parse('2022-09-05T08:00:00Z'))));
    const admin = await staffMember(desk, clock, 'administrator');
    coordinator = await staffMember(desk, clock, 'coordinator', 'coordination@exemple.fr', admin.account);
    committee = await staffMember(desk, clock, 'committee', 'comite@exemple.fr', admin.account);
  });
  after(() => desk.close());

  /** A submission whose text and file name carry its author's name. */
  async function submission(title: string, surname: string): Promise<string> {
    const { record } = await seedSubmission(desk, {
      title,
      givenName: 'Élodie',
      surname,
      receivedAt: '2022-08-20T10:00:00Z',
      extra: [`Par Élodie ${surname}, éducatrice spécialisée.`],
      fileName: `${surname} - article.docx`,
    });
    return record.id;
  }

  async function move(id: string, action: string, extra: Record<string, string> = {}): Promise<void> {
    assert.equal((await postTransition(coordinator.visitor, id, { action, ...extra })).status, 303);
  }

  async function ask(id: string, form: Record<string, string>): Promise<Response> {
    const { csrf } = await coordinator.visitor.page(`/bureau/propositions/${id}`);
    return coordinator.visitor.post(`/bureau/propositions/${id}/relectures`, { _csrf: csrf, ...form });
  }

  const letters = (kind: string) => newLetters(desk, kind);

  /** Asks a reader and returns the path of their private link, from the letter. */
  async function readerLink(id: string, name: string, email: string): Promise<string> {
    const asked = await ask(id, { nom: name, courriel: email, date: '', message: '' });
    assert.equal(asked.status, 303);
    const [job] = await letters('review-request');
    assert.ok(job, 'the request letter is queued');
    return new URL((job.payload as { letter: { reviewUrl: string } }).letter.reviewUrl).pathname;
  }

  async function opinion(reader: Visitor, path: string, form: Record<string, string>): Promise<Response> {
    const { csrf } = await reader.page(path);
    return reader.post(path, { _csrf: csrf, ...form });
  }

  it('asks for a review only once the submission is in review', async () => {
    const id = await submission('Avant l’évaluation', 'Garnier');
    const { html } = await coordinator.visitor.page(`/bureau/propositions/${id}`);
    assert.match(html, /<h2 id="relectures">Relectures<\/h2>/);
    assert.match(html, /Aucune relecture demandée\./);
    assert.match(html, /Une relecture se demande une fois la proposition envoyée en évaluation/);
    assert.doesNotMatch(html, /Envoyer la demande de relecture/);
    const refused = await ask(id, {
      nom: 'Paul Lecteur',
      courriel: 'paul@exemple.fr',
      date: '',
      message: '',
    });
    assert.equal(refused.status, 409);
    assert.match(await refused.text(), /envoyez-la d’abord en évaluation/);
    assert.equal((await letters('review-request')).length, 0);
  });

  it('sends a typed request back with every problem and what was typed', async () => {
    const id = await submission('Une demande mal remplie', 'Roux');
    await move(id, 'send_to_review');
    const response = await ask(id, {
      nom: '  ',
      courriel: 'paul.exemple.fr',
      date: '2022-09-01',
      message: 'Merci',
    });
    assert.equal(response.status, 422);
    const html = await response.text();
    assert.match(html, /Indiquez le nom de la personne qui relira/);
    assert.match(html, /Indiquez l’adresse électronique de la personne qui relira/);
    assert.match(html, /La date souhaitée doit être un jour à venir/);
    assert.match(html, /value="paul\.exemple\.fr"/);
    assert.match(
      html,
      /id="relecteur-courriel" aria-describedby="relecteur-courriel-erreur" aria-invalid="true"/,
    );
    assert.equal((await letters('review-request')).length, 0);
  });

  it('queues a letter to the reader with a private link, and nothing that names the author', async () => {
    const id = await submission('Le numérique et la relation d’aide', 'Martinelli');
    await move(id, 'send_to_review');
    const asked = await ask(id, {
      nom: 'Paul Lecteur',
      courriel: ' Paul.Lecteur@Exemple.fr ',
      date: '2022-09-30',
      message: 'Merci de regarder surtout la partie méthode !',
    });
    assert.equal(asked.status, 303);
    assert.equal(asked.headers.get('location'), `/bureau/propositions/${id}?relecture=demandee#relectures`);
    const page = await (
      await coordinator.visitor.get(`/bureau/propositions/${id}?relecture=demandee`)
    ).text();
    assert.match(page, /La demande de relecture part par courriel/);
    assert.match(page, /Relecture 1[\s\u00a0\u202f]:[\s\u00a0\u202f]Paul Lecteur/);
    assert.match(page, /avis attendu/);

    const [job, ...others] = await letters('review-request');
    assert.ok(job);
    assert.equal(others.length, 0);
    const mail = await prepareLetterJob(job);
    assert.ok(mail);
    assert.equal(mail.to.address, 'paul.lecteur@exemple.fr');
    assert.match(
      mail.subject,
      new RegExp(`Demande de relecture\\s:\\sSociographe n°\\s81, proposition ${id.slice(0, 8)}`),
    );
    assert.match(mail.text, /Bonjour Paul Lecteur,/);
    assert.match(mail.text, /Personne coordinator vous propose de relire un texte/);
    assert.match(mail.text, /Avis souhaité avant le vendredi 30 septembre 2022/);
    assert.match(mail.text, /Merci de regarder surtout la partie méthode[\u00a0\u202f]!/);
    assert.match(mail.text, new RegExp(`${desk.url.replace(/[.]/g, '\\.')}/relecture/[A-Za-z0-9_-]{40,}`));
    for (const named of [/Martinelli/, /Élodie/, /relation d’aide/, /article\.docx/]) {
      assert.doesNotMatch(mail.text, named, 'the letter names neither the author nor the title nor the file');
    }
    const redacted = redactLetterSecrets(job.payload as JsonObject);
    assert.ok(redacted);
    assert.match(
      String((redacted.letter as JsonObject).reviewUrl),
      new RegExp(`/relecture/${escapeRegExp(LINK_REMOVED)}$`),
    );

    const events = await desk.context.submissions.listEvents(id);
    assert.equal(events.at(-1)?.action, 'review.requested');
    assert.doesNotMatch(
      JSON.stringify(events),
      /Lecteur|exemple\.fr|méthode/,
      'no name, address or note in the log',
    );

    const again = await ask(id, {
      nom: 'Paul Lecteur',
      courriel: 'paul.lecteur@exemple.fr',
      date: '',
      message: '',
    });
    assert.equal(again.status, 409);
    assert.match(await again.text(), /Cette personne relit déjà cette version/);
  });

  it('opens the anonymised copy and the form for the reader, without the authors', async () => {
    const id = await submission('Un titre qui ne doit pas fuiter', 'Vasseur');
    await move(id, 'send_to_review');
    const path = await readerLink(id, 'Jeanne Lectrice', 'jeanne@exemple.fr');
    const reader = new Visitor(desk.url);
    const response = await reader.get(path);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.match(response.headers.get('x-robots-tag') ?? '', /noindex/);
    const html = await response.text();
    assert.match(html, new RegExp(`Relecture de la proposition ${id.slice(0, 8)}`));
    assert.match(html, /Télécharger la copie anonyme/);
    assert.match(html, /Que conseillez-vous au comité/);
    for (const named of [/Vasseur/, /Élodie/, /ne doit pas fuiter/, /article\.docx/, /vasseur@/]) {
      assert.doesNotMatch(html, named);
    }

    const copy = await reader.get(`${path}/copie`);
    assert.equal(copy.status, 200);
    assert.match(
      copy.headers.get('content-disposition') ?? '',
      new RegExp(`^attachment; filename="proposition-${id.slice(0, 8)}-v1\\.docx"`),
    );
    assert.equal(copy.headers.get('content-security-policy'), 'sandbox');
    const bytes = Buffer.from(await copy.arrayBuffer());
    const read = await analyseManuscript({ bytes, name: 'copie.docx' }, { keepText: true });
    assert.ok(read.manuscript);
    const text = read.manuscript.paragraphs.map((p) => p.text).join('\n');
    assert.match(text, /éducatrice spécialisée/, 'the text is there');
    assert.doesNotMatch(text, /Vasseur/, 'the author’s name is not');

    const unknown = await reader.get('/relecture/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    assert.equal(unknown.status, 404);
    assert.match(await unknown.text(), /Lien de relecture introuvable/);
    assert.equal((await reader.get('/relecture/..%2F..%2Fetc')).status, 404);
  });

  it('takes the opinion, tells the coordinator once, and lets the reader correct it', async () => {
    const id = await submission('Écrans et travail de rue', 'Perrin');
    await move(id, 'send_to_review');
    const path = await readerLink(id, 'Jeanne Lectrice', 'jeanne@exemple.fr');
    const reader = new Visitor(desk.url);

    const empty = await opinion(reader, path, { avis: '', pour_auteur: '  ', pour_comite: '' });
    assert.equal(empty.status, 422);
    const refusedHtml = await empty.text();
    assert.match(refusedHtml, /Choisissez ce que vous conseillez au comité/);
    assert.match(refusedHtml, /Écrivez quelques lignes pour l’auteur/);

    const given = await opinion(reader, path, {
      avis: 'revisions',
      pour_auteur: 'Un texte vivant.\nLa conclusion reste à écrire.',
      pour_comite: 'Je connais peut-être ce terrain.',
    });
    assert.equal(given.status, 303);
    assert.equal(given.headers.get('location'), `${path}?fait=avis`);
    const after = await (await reader.get(`${path}?fait=avis`)).text();
    assert.match(after, /Merci\s:\svotre avis est enregistré/);
    assert.match(after, /Enregistrer la correction/);
    assert.match(after, /La conclusion reste à écrire\./);

    const [told, ...more] = await letters('review-answered');
    assert.ok(told);
    assert.equal(more.length, 0);
    const mail = await prepareLetterJob(told);
    assert.ok(mail);
    assert.equal(mail.to.address, 'coordination@exemple.fr');
    assert.match(mail.subject, /Avis de relecture reçu/);
    assert.match(mail.text, new RegExp(`/bureau/propositions/${id}`));
    assert.doesNotMatch(mail.text, /conclusion|terrain/, 'the opinion stays on the desk');

    const corrected = await opinion(reader, path, {
      avis: 'accept',
      pour_auteur: 'Un texte vivant, prêt.',
      pour_comite: '',
    });
    assert.equal(corrected.status, 303);
    assert.equal((await letters('review-answered')).length, 0, 'a correction tells nobody again');

    const deskPage = await (await coordinator.visitor.get(`/bureau/propositions/${id}`)).text();
    assert.match(deskPage, /avis rendu/);
    assert.match(deskPage, /publier le texte en l’état/);
    assert.match(deskPage, /Un texte vivant, prêt\./);
    assert.match(deskPage, /Annuler cette demande/);

    const dashboard = await (await coordinator.visitor.get('/bureau?q=Perrin')).text();
    assert.match(dashboard, /1 avis sur 1 relecture</);
    const csv = await (await coordinator.visitor.get('/bureau/export.csv?q=Perrin')).text();
    assert.match(csv.split('\n')[0] ?? '', /;Relectures demandées;Avis reçus\r?$/);
    assert.match(csv.split('\n')[1] ?? '', /;1;1\r?$/);
    const committeePage = await (await committee.visitor.get(`/bureau/propositions/${id}`)).text();
    assert.match(committeePage, /Un texte vivant, prêt\./, 'the committee reads the opinions');
    assert.doesNotMatch(committeePage, /Envoyer la demande de relecture|Annuler cette demande/);
    const committeeAsks = await committee.visitor.post(`/bureau/propositions/${id}/relectures`, {
      _csrf: csrfIn(committeePage),
      nom: 'X',
      courriel: 'x@exemple.fr',
    });
    assert.equal(committeeAsks.status, 403);

    const events = await desk.context.submissions.listEvents(id);
    const submitted = events.filter((e) => e.action === 'review.submitted');
    assert.deepEqual(
      submitted.map((e) => [e.actor.kind, e.detail?.recommendation, e.detail?.first]),
      [
        ['reviewer', 'revisions', true],
        ['reviewer', 'accept', false],
      ],
    );
    assert.doesNotMatch(JSON.stringify(events), /vivant|terrain/, 'no opinion text in the log');

    // The decision form offers to quote the opinion for the author; the letter does, without names.
    assert.match(
      deskPage,
      /<input type="checkbox" name="avis" value="oui" checked\/?> Joindre au courriel l’avis de relecture/,
    );
    await letters('decision');
    // The committee decides: the review is closed, the opinion stays readable, no more changes.
    const { csrf: kept } = await reader.page(path);
    await move(id, 'accept', { prevenir: 'oui', avis: 'oui', message: 'Bravo.' });
    const [decision] = await letters('decision');
    assert.ok(decision);
    const decisionMail = await prepareLetterJob(decision);
    assert.match(
      decisionMail?.text ?? '',
      /Les avis des relecteurs et relectrices\n-+\n+Relecture 1\n+Un texte vivant, prêt\./,
    );
    assert.doesNotMatch(
      decisionMail?.text ?? '',
      /Jeanne|Lectrice|terrain/,
      'no reader’s name, nothing meant for the committee',
    );
    const closed = await (await reader.get(path)).text();
    assert.match(closed, /la relecture est close/);
    assert.match(closed, /Un texte vivant, prêt\./);
    assert.doesNotMatch(closed, /Enregistrer la correction/);
    const late = await reader.post(path, {
      _csrf: kept,
      avis: 'decline',
      pour_auteur: 'Trop tard.',
    });
    assert.equal(late.status, 409);
  });

  it('closes a reading when a revised version arrives: the reader is told, the desk can ask again', async () => {
    const id = await submission('Une version revue', 'Girard');
    await move(id, 'send_to_review');
    const path = await readerLink(id, 'Noé Premier', 'noe@exemple.fr');
    const reader = new Visitor(desk.url);
    const { csrf } = await reader.page(path);
    await move(id, 'request_revisions');
    const { bytes } = await seedSubmission(desk, {
      title: 'Source de la version 2',
      givenName: 'Élodie',
      surname: 'Girard',
      receivedAt: '2022-08-21T10:00:00Z',
      length: 9000,
    });
    await addManuscriptVersion(
      {
        submissionId: id,
        call: desk.context.call,
        files: [{ name: 'Girard - v2.docx', bytes }],
        receivedAt: clock.now(),
        channel: 'web',
        reply: null,
        lang: 'fr',
      },
      desk.context.intake,
    );
    const record = await desk.context.submissions.findById(id);
    assert.equal(record?.status, 'in_review', 'the revision is back in review');
    assert.equal(record?.versions.length, 2);
    const page = await (await reader.get(path)).text();
    assert.match(page, /Une nouvelle version du texte est arrivée depuis votre lecture/);
    assert.doesNotMatch(page, /Envoyer mon avis|Je ne peux pas relire/);
    const late = await reader.post(path, { _csrf: csrf, avis: 'accept', pour_auteur: 'Sur la v1.' });
    assert.equal(late.status, 409);
    // The same person may be asked again, for the new version.
    const again = await ask(id, { nom: 'Noé Premier', courriel: 'noe@exemple.fr', date: '', message: '' });
    assert.equal(again.status, 303);
    const [request] = await letters('review-request');
    assert.ok(request);
    const second = new URL((request.payload as { letter: { reviewUrl: string } }).letter.reviewUrl).pathname;
    assert.match(await (await reader.get(second)).text(), /Envoyer mon avis/);
  });

  it('reminds a reader who has not answered with a new link that replaces the first', async () => {
    const id = await submission('Un avis qui tarde', 'Lambert');
    await move(id, 'send_to_review');
    const asked = await ask(id, {
      nom: 'Léa Lente',
      courriel: 'lea@exemple.fr',
      date: '2022-09-10',
      message: '',
    });
    assert.equal(asked.status, 303);
    const [first] = await letters('review-request');
    assert.ok(first);
    const firstPath = new URL((first.payload as { letter: { reviewUrl: string } }).letter.reviewUrl).pathname;
    const notYet = await (await coordinator.visitor.get(`/bureau/propositions/${id}`)).text();
    assert.doesNotMatch(notYet, /la date souhaitée est passée/);

    // Ten days on (the session has expired by then: sign in again). The clock stays there.
    clock.advance(10 * 86_400_000);
    assert.equal(
      (await signIn(coordinator.visitor, 'coordination@exemple.fr', coordinator.secret, clock)).status,
      303,
    );
    const late = await (await coordinator.visitor.get(`/bureau/propositions/${id}`)).text();
    assert.match(late, /avis attendu<\/strong> — la date souhaitée est passée/);
    const reviewId = /\/relectures\/([^/]+)\/rappel/.exec(late)?.[1];
    assert.ok(reviewId, 'a reminder is offered');
    const reminded = await coordinator.visitor.post(
      `/bureau/propositions/${id}/relectures/${reviewId}/rappel`,
      {
        _csrf: csrfIn(late),
      },
    );
    assert.equal(reminded.status, 303);
    assert.equal(reminded.headers.get('location'), `/bureau/propositions/${id}?relecture=relance#relectures`);
    const [reminder, ...others] = await letters('review-request');
    assert.ok(reminder);
    assert.equal(others.length, 0);
    const mail = await prepareLetterJob(reminder);
    assert.ok(mail);
    assert.equal(mail.to.address, 'lea@exemple.fr');
    assert.match(mail.subject, /^Rappel\s:\sdemande de relecture/);
    assert.match(mail.text, /voici un nouveau lien, qui remplace celui du premier message/);
    const newPath = new URL((reminder.payload as { letter: { reviewUrl: string } }).letter.reviewUrl)
      .pathname;
    assert.notEqual(newPath, firstPath);
    const reader = new Visitor(desk.url);
    assert.equal((await reader.get(firstPath)).status, 404, 'the first link no longer opens it');
    assert.equal((await reader.get(newPath)).status, 200);
    const events = await desk.context.submissions.listEvents(id);
    assert.equal(events.at(-1)?.action, 'review.reminded');

    // Once the opinion is in, there is nobody to remind.
    const { csrf } = await reader.page(newPath);
    await reader.post(newPath, { _csrf: csrf, avis: 'accept', pour_auteur: 'Très bien.' });
    await letters('review-answered');
    const answered = await (await coordinator.visitor.get(`/bureau/propositions/${id}`)).text();
    assert.doesNotMatch(answered, /\/rappel"/);
    const refused = await coordinator.visitor.post(
      `/bureau/propositions/${id}/relectures/${reviewId}/rappel`,
      {
        _csrf: csrfIn(answered),
      },
    );
    assert.equal(refused.status, 409);
  });

  it('lets a reader decline, and the coordinators cancel a request', async () => {
    const id = await submission('Plateformes et droits', 'Morel');
    await move(id, 'send_to_review');
    const declining = await readerLink(id, 'Luc Occupé', 'luc@exemple.fr');
    const reader = new Visitor(desk.url);
    const { csrf } = await reader.page(declining);
    const declined = await reader.post(`${declining}/decliner`, { _csrf: csrf });
    assert.equal(declined.status, 303);
    assert.match(
      await (await reader.get(`${declining}?fait=decline`)).text(),
      /vous ne relirez pas ce texte/,
    );
    const [told] = await letters('review-answered');
    assert.ok(told);
    assert.match((await prepareLetterJob(told))?.subject ?? '', /Relecture déclinée/);
    assert.equal((await reader.get(`${declining}/copie`)).status, 303, 'no copy after declining');

    const cancelling = await readerLink(id, 'Ana Absente', 'ana@exemple.fr');
    const deskPage = await (await coordinator.visitor.get(`/bureau/propositions/${id}`)).text();
    assert.match(deskPage, /relecture déclinée/);
    const reviewId = /\/relectures\/([^/]+)\/annuler/.exec(deskPage)?.[1];
    assert.ok(reviewId);
    const cancelled = await coordinator.visitor.post(
      `/bureau/propositions/${id}/relectures/${reviewId}/annuler`,
      {
        _csrf: csrfIn(deskPage),
      },
    );
    assert.equal(cancelled.status, 303);
    const other = new Visitor(desk.url);
    const gone = await (await other.get(cancelling)).text();
    assert.match(gone, /Les coordinateurs ont retiré cette demande/);
    assert.doesNotMatch(gone, /Télécharger la copie anonyme|Que conseillez-vous/);
    assert.equal((await other.get(`${cancelling}/copie`)).status, 303);
    const twice = await coordinator.visitor.post(
      `/bureau/propositions/${id}/relectures/${reviewId}/annuler`,
      {
        _csrf: csrfIn(deskPage),
      },
    );
    assert.equal(twice.status, 409);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
