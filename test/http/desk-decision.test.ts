import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { prepareLetterJob } from '../../src/app/process-outbox.js';
import type { OutboxJob } from '../../src/ports/outbox.js';
import type { RunningDesk } from '../helpers/http-server.js';
import {
  newLetters,
  postTransition,
  type Staff,
  seedSubmission,
  staffMember,
  startTestDesk,
  type TestClock,
  testClock,
} from './desk-helpers.js';

/**
 * The committee's decision, recorded on a submission's page, tells the author by letter: queued in
 * the decision's own transaction, to the contact person, with the committee's message quoted.
 */
describe('a decision on the desk tells the author', () => {
  let desk: RunningDesk;
  let clock: TestClock;
  let coordinator: Staff;

  before(async () => {
    ({ desk, clock } = await startTestDesk({}, testClock(Date.parse('2022-09-05T08:00:00Z'))));
    const admin = await staffMember(desk, clock, 'administrator');
    coordinator = await staffMember(desk, clock, 'coordinator', 'coordination@exemple.fr', admin.account);
  });
  after(() => desk.close());

  /** A submission sent to review by the coordinator; returns its id. */
  async function inReview(title: string, surname: string): Promise<string> {
    const { record } = await seedSubmission(desk, {
      title,
      givenName: 'Élodie',
      surname,
      receivedAt: '2022-08-20T10:00:00Z',
    });
    await decide(record.id, { action: 'send_to_review' });
    await newDecisionLetters();
    return record.id;
  }

  const decide = (id: string, form: Record<string, string>) => postTransition(coordinator.visitor, id, form);
  const newDecisionLetters = () => newLetters(desk, 'decision');

  it('offers the decisions in one form, with a message box and « tell the author » ticked', async () => {
    const id = await inReview('Un texte en évaluation', 'Martin');
    const { html } = await coordinator.visitor.page(`/bureau/propositions/${id}`);
    const form = /<form[^>]*class="decision"[\s\S]*?<\/form>/.exec(html)?.[0] ?? '';
    assert.match(form, /<textarea id="message" name="message"/);
    assert.match(form, /<input type="checkbox" name="prevenir" value="oui" checked\/?>/);
    assert.deepEqual([...form.matchAll(/name="action" value="([a-z_]+)"/g)].map((m) => m[1]).sort(), [
      'accept',
      'decline',
      'request_revisions',
    ]);
    assert.match(form, /Élodie Martin/);
  });

  it('asking for revisions queues the letter with the message, and says so', async () => {
    const id = await inReview('Accompagner à distance', 'Durand');
    const moved = await decide(id, {
      action: 'request_revisions',
      message: 'Merci de raccourcir l’introduction : deux pages suffisent.\n\nEt de préciser le terrain.',
      prevenir: 'oui',
    });
    assert.equal(moved.status, 303);
    const location = moved.headers.get('location') ?? '';
    assert.equal(location, `/bureau/propositions/${id}?fait=request_revisions&courriel=1`);
    assert.match(await (await coordinator.visitor.get(location)).text(), /Un courriel part vers l’auteur/);

    const [job, ...others] = await newDecisionLetters();
    assert.ok(job);
    assert.equal(others.length, 0);
    const mail = await prepareLetterJob(job);
    assert.ok(mail);
    assert.equal(mail.to.address, 'durand@exemple.fr');
    assert.match(mail.subject, /Des modifications demandées pour votre proposition/);
    assert.match(mail.text, /Bonjour Élodie Durand,/);
    assert.match(mail.text, /Merci de raccourcir l’introduction[\u00a0\u202f]: deux pages suffisent\./);
    assert.match(mail.text, /Et de préciser le terrain\./);
    assert.match(mail.text, new RegExp(`${desk.url.replace(/[.]/g, '\\.')}/suivi\\n`));
    assert.doesNotMatch(
      mail.text,
      /\/suivi\/[A-Za-z0-9_-]{20,}/,
      'no private link, only the page that sends one',
    );

    const record = await desk.context.submissions.findById(id);
    assert.equal(record?.status, 'revisions_requested');
    const events = await desk.context.submissions.listEvents(id);
    assert.deepEqual(events.at(-1)?.detail, { notified: true });
    assert.doesNotMatch(JSON.stringify(events), /raccourcir/, 'the message is not copied into the audit log');
  });

  it('without « tell the author », the decision is recorded and no letter leaves', async () => {
    const id = await inReview('Refusé en silence', 'Petit');
    const moved = await decide(id, { action: 'decline', message: 'Ne partira pas.' });
    assert.equal(moved.headers.get('location'), `/bureau/propositions/${id}?fait=decline&courriel=0`);
    assert.match(
      await (await coordinator.visitor.get(moved.headers.get('location') ?? '')).text(),
      /Aucun courriel n’a été envoyé à l’auteur/,
    );
    assert.equal((await newDecisionLetters()).length, 0);
    assert.equal((await desk.context.submissions.findById(id))?.status, 'declined');
    assert.deepEqual((await desk.context.submissions.listEvents(id)).at(-1)?.detail, { notified: false });
  });

  it('an action that is not a decision sends nothing, even when asked', async () => {
    const { record } = await seedSubmission(desk, {
      title: 'Pas une décision',
      givenName: 'Élodie',
      surname: 'Roux',
      receivedAt: '2022-08-20T10:00:00Z',
    });
    const moved = await decide(record.id, { action: 'send_to_review', prevenir: 'oui', message: 'Rien.' });
    assert.equal(moved.headers.get('location'), `/bureau/propositions/${record.id}?fait=send_to_review`);
    assert.equal((await newDecisionLetters()).length, 0);
  });

  it('accepting, in the same transaction as the letter: a stale page sends neither', async () => {
    const id = await inReview('Accepté', 'Lemoine');
    const { html, csrf } = await coordinator.visitor.page(`/bureau/propositions/${id}`);
    const version = /name="version" value="(\d+)"/.exec(html)?.[1] ?? '';
    const stale = await coordinator.visitor.post(`/bureau/propositions/${id}/transition`, {
      _csrf: csrf,
      version: String(Number(version) - 1),
      action: 'accept',
      prevenir: 'oui',
      confirmer: 'oui',
    });
    assert.equal(stale.status, 409);
    assert.equal((await newDecisionLetters()).length, 0, 'no letter for a decision not recorded');
    const accepted = await decide(id, { action: 'accept', prevenir: 'oui' });
    assert.equal(accepted.headers.get('location'), `/bureau/propositions/${id}?fait=accept&courriel=1`);
    const [job] = await newDecisionLetters();
    assert.ok(job);
    const mail = await prepareLetterJob(job);
    assert.match(mail?.subject ?? '', /Votre proposition est retenue/);
    assert.doesNotMatch(mail?.text ?? '', /Le message du comité/, 'no message, no heading for it');
  });

  it('a decision on the ticked submissions of the dashboard tells each author, with « prévenir » ticked', async () => {
    const first = await inReview('Premier refus groupé', 'Garnier');
    const second = await inReview('Second refus groupé', 'Faure');
    const { html, csrf } = await coordinator.visitor.page('/bureau');
    assert.match(html, /<input type="checkbox" name="prevenir" value="oui" checked\/?>/);
    const value = (id: string) => new RegExp(`value="(${id}:\\d+)"`).exec(html)?.[1] ?? '';
    const response = await coordinator.visitor.post('/bureau/actions', {
      _csrf: csrf,
      action: 'decline',
      prevenir: 'oui',
      selection: [value(first), value(second)],
    });
    assert.equal(response.status, 200);
    const result = await response.text();
    assert.equal([...result.matchAll(/auteur prévenu par courriel/g)].length, 2);
    const letters = await newDecisionLetters();
    assert.deepEqual(letters.map((j) => (j.payload as { to: { address: string } }).to.address).sort(), [
      'faure@exemple.fr',
      'garnier@exemple.fr',
    ]);
  });

  it('asks once more before a decision, showing the letter as it will leave; nothing changes until then', async () => {
    const id = await inReview('À confirmer', 'Blanc');
    const { html, csrf } = await coordinator.visitor.page(`/bureau/propositions/${id}`);
    const version = /name="version" value="(\d+)"/.exec(html)?.[1] ?? '';
    const ask = await coordinator.visitor.post(`/bureau/propositions/${id}/transition`, {
      _csrf: csrf,
      version,
      action: 'decline',
      prevenir: 'oui',
      message: 'Le texte sort du thème du numéro.',
    });
    assert.equal(ask.status, 200);
    const page = await ask.text();
    assert.match(page, /<h1>Confirmer\s?: refuser<\/h1>/);
    assert.match(page, /en évaluation → refusée/);
    assert.match(page, /Élodie Blanc &lt;blanc@exemple\.fr(&gt;|>)/);
    assert.match(
      page,
      new RegExp(`href="/bureau/propositions/${id}\\?lang=en"`),
      'the language switch leads to a page',
    );
    assert.match(page, /<pre class="letter">[\s\S]*Le texte sort du thème du numéro\.[\s\S]*<\/pre>/);
    assert.match(page, /<input type="hidden" name="confirmer" value="oui"/);
    assert.equal((await desk.context.submissions.findById(id))?.status, 'in_review', 'nothing yet');
    assert.equal((await newDecisionLetters()).length, 0, 'no letter yet');

    const form = Object.fromEntries(
      [...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [
        m[1] as string,
        (m[2] as string)
          .replace(/&#39;/g, "'")
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, '&'),
      ]),
    );
    const done = await coordinator.visitor.post(`/bureau/propositions/${id}/transition`, form);
    assert.equal(done.status, 303);
    assert.equal((await desk.context.submissions.findById(id))?.status, 'declined');
    const [job] = await newDecisionLetters();
    assert.ok(job);
    assert.match((await prepareLetterJob(job))?.text ?? '', /Le texte sort du thème du numéro\./);
  });

  it('a coordinator sends a lost private link again, to the contact’s stored address only', async () => {
    const { record } = await seedSubmission(desk, {
      title: 'Lien perdu',
      givenName: 'Élodie',
      surname: 'Perrin',
      receivedAt: '2022-08-20T10:00:00Z',
    });
    await desk.context.outbox.claimDue({ worker: 'test', limit: 500 });
    const { html, csrf } = await coordinator.visitor.page(`/bureau/propositions/${record.id}`);
    assert.match(html, /Envoyer un nouveau lien de suivi à perrin@exemple\.fr/);
    const sent = await coordinator.visitor.post(`/bureau/propositions/${record.id}/lien`, {
      _csrf: csrf,
      courriel: 'quelquun.dautre@exemple.fr',
    });
    assert.equal(sent.status, 303);
    assert.equal(sent.headers.get('location'), `/bureau/propositions/${record.id}?lien=1`);
    const after = await (await coordinator.visitor.get(`/bureau/propositions/${record.id}?lien=1`)).text();
    assert.match(after, /Un nouveau lien de suivi part vers perrin@exemple\.fr/);
    assert.match(after, /nouveau lien de suivi envoyé à la personne à contacter par le bureau/);

    const jobs = await desk.context.outbox.claimDue({ worker: 'test', limit: 500 });
    assert.equal(jobs.length, 1);
    const mail = await prepareLetterJob(jobs[0] as OutboxJob);
    assert.equal(mail?.to.address, 'perrin@exemple.fr', 'never an address typed at the desk');
    const path = /\/suivi\/[A-Za-z0-9_-]{43}/.exec(mail?.text ?? '')?.[0];
    assert.ok(path);
    const opened = await fetch(`${desk.url}${path}`);
    assert.equal(opened.status, 200);
    assert.match(await opened.text(), /Lien perdu/);
  });
});
