import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { attachmentHeader } from '../../src/adapters/http/routes/download.js';
import type { RunningDesk } from '../helpers/http-server.js';
import {
  type Staff,
  seedSubmission,
  staffMember,
  startTestDesk,
  type TestClock,
  testClock,
} from './desk-helpers.js';

describe('a submission’s page: transitions, files, preview, history', () => {
  let desk: RunningDesk;
  let clock: TestClock;
  let coordinator: Staff;
  let committee: Staff;
  let id: string;
  let signed: string;
  let bytes: Buffer;

  before(async () => {
    ({ desk, clock } = await startTestDesk({}, testClock(Date.parse('2022-09-05T08:00:00Z'))));
    const admin = await staffMember(desk, clock, 'administrator');
    coordinator = await staffMember(desk, clock, 'coordinator', 'coordination@exemple.fr', admin.account);
    committee = await staffMember(desk, clock, 'committee', 'comite@exemple.fr', admin.account);
    const seeded = await seedSubmission(desk, {
      title: 'Le numérique au quotidien',
      givenName: 'Élodie',
      surname: 'Durand',
      receivedAt: '2022-08-20T10:00:00Z',
      fileName: 'mon "article" ; v2\u202e.docx',
      extra: ['<script>alert("x")</script> et <b>gras</b>'],
    });
    id = seeded.record.id;
    bytes = seeded.bytes;
    const byName = await seedSubmission(desk, {
      title: 'Une proposition signée',
      givenName: 'Anaïs',
      surname: 'Leroux',
      receivedAt: '2022-08-21T10:00:00Z',
      extra: ['Comme l’écrit Leroux (2019), Anaïs Leroux le rappelle.'],
    });
    signed = byName.record.id;
  });
  after(() => desk.close());

  it('shows authors and contact, the version with its analysis and findings, and the text, escaped', async () => {
    const { response, html } = await coordinator.visitor.page(`/bureau/propositions/${id}`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.match(html, /<h1>Le numérique au quotidien<\/h1>/);
    assert.match(html, /Élodie Durand/);
    assert.match(html, /durand@exemple\.fr/);
    assert.match(html, /01 45 67 89 10/);
    assert.match(html, /Signes \(espaces compris\)/);
    assert.match(html, /Version 1/);
    assert.match(html, /Le travail social se transforme avec les outils numériques/);
    assert.ok(
      html.includes('&lt;script>alert(&quot;x&quot;)&lt;/script> et &lt;b>gras&lt;/b>'),
      'the text is shown as text',
    );
    assert.ok(html.includes('mon _article_ ; v2.docx'), 'the file name cleaned of quotes and bidi controls');
    assert.doesNotMatch(html, /<script|<b>gras/, 'the manuscript’s text never becomes markup');
    assert.match(html, /<h2>Historique<\/h2>/);
  });

  it('offers exactly the transitions the table allows to the role', async () => {
    const forCoordinator = (await coordinator.visitor.page(`/bureau/propositions/${id}`)).html;
    const actions = (html: string) =>
      [...html.matchAll(/name="action" value="([a-z_]+)"/g)].map((m) => m[1]).sort();
    assert.deepEqual(actions(forCoordinator), ['decline', 'mark_incomplete', 'send_to_review']);
    const forCommittee = (await committee.visitor.page(`/bureau/propositions/${id}`)).html;
    assert.deepEqual(actions(forCommittee), ['decline']);
  });

  it('moves the submission with the version it was shown at; a stale page gets a plain 409', async () => {
    const { html, csrf } = await coordinator.visitor.page(`/bureau/propositions/${id}`);
    const version = /name="version" value="(\d+)"/.exec(html)?.[1] ?? '';
    const moved = await coordinator.visitor.post(`/bureau/propositions/${id}/transition`, {
      _csrf: csrf,
      version,
      action: 'send_to_review',
    });
    assert.equal(moved.status, 303);
    assert.equal(moved.headers.get('location'), `/bureau/propositions/${id}?fait=send_to_review`);
    const after = (await coordinator.visitor.page(`/bureau/propositions/${id}?fait=send_to_review`)).html;
    assert.match(after, /C’est fait\u00a0: envoyer en évaluation\./);
    assert.match(after, /<strong>en évaluation<\/strong>/);
    assert.match(after, /Personne coordinator \(coordination\)/, 'the history names who did it');
    assert.match(after, /complète → en évaluation/);

    const stale = await committee.visitor.post(`/bureau/propositions/${id}/transition`, {
      _csrf: (await committee.visitor.page('/bureau')).csrf,
      version,
      action: 'accept',
    });
    assert.equal(stale.status, 409);
    assert.match(await stale.text(), /Quelqu’un d’autre a modifié cette proposition/);
    assert.equal((await desk.context.submissions.findById(id))?.status, 'in_review', 'nothing changed');
  });

  it('refuses an action the table does not give to the role, with the table’s own words', async () => {
    const { html, csrf } = await committee.visitor.page(`/bureau/propositions/${id}`);
    const version = /name="version" value="(\d+)"/.exec(html)?.[1] ?? '';
    const refused = await committee.visitor.post(`/bureau/propositions/${id}/transition`, {
      _csrf: csrf,
      version,
      action: 'send_contract',
    });
    assert.equal(refused.status, 409);
    assert.match(await refused.text(), /Action impossible/);
    const accepted = await committee.visitor.post(`/bureau/propositions/${id}/transition`, {
      _csrf: csrf,
      version,
      action: 'accept',
      confirmer: 'oui',
    });
    assert.equal(accepted.status, 303, 'the committee accepts from review');
    assert.equal((await desk.context.submissions.findById(id))?.status, 'accepted');
  });

  it('downloads the original as an attachment that no browser will render', async () => {
    const response = await coordinator.visitor.get(`/bureau/propositions/${id}/versions/1/original`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/octet-stream');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(response.headers.get('content-security-policy'), 'sandbox');
    assert.equal(
      response.headers.get('content-disposition'),
      `attachment; filename="mon _article_ _ v2.docx"; filename*=UTF-8''mon%20_article_%20%3B%20v2.docx`,
    );
    assert.deepEqual(Buffer.from(await response.arrayBuffer()), bytes);
    assert.equal(
      (await coordinator.visitor.get(`/bureau/propositions/${id}/versions/9/original`)).status,
      404,
    );
  });

  it('gives an anonymised copy for review: a .docx without the author’s name, checked again', async () => {
    const { html } = await coordinator.visitor.page(`/bureau/propositions/${signed}`);
    assert.match(html, new RegExp(`href="/bureau/propositions/${signed}/versions/1/anonyme"`));
    const response = await committee.visitor.get(`/bureau/propositions/${signed}/versions/1/anonyme`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/octet-stream');
    assert.match(response.headers.get('content-disposition') ?? '', /Leroux - anonyme\.docx/);
    assert.equal(response.headers.get('content-security-policy'), 'sandbox');
    const copy = Buffer.from(await response.arrayBuffer());
    const read = await desk.context.intake.read({ bytes: copy, name: 'copie.docx' }, { keepText: true });
    const text = (read.manuscript?.paragraphs ?? []).map((x) => x.text).join('\n');
    assert.match(text, /Comme l’écrit \[Auteur\] \(2019\), \[Auteur\] le rappelle\./);
    assert.doesNotMatch(text, /Leroux/i);
    assert.equal(
      (await coordinator.visitor.get(`/bureau/propositions/${signed}/versions/9/anonyme`)).status,
      404,
    );
  });

  it('names downloads safely whatever the sender wrote', () => {
    assert.equal(
      attachmentHeader('../../étude (v2)*.docx', 'x'),
      `attachment; filename="etude (v2)_.docx"; filename*=UTF-8''%C3%A9tude%20%28v2%29_.docx`,
    );
    assert.equal(
      attachmentHeader('', 'manuscrit-v1'),
      `attachment; filename="manuscrit-v1"; filename*=UTF-8''manuscrit-v1`,
    );
  });

  it('shows a version’s text on its own page', async () => {
    const { response, html } = await committee.visitor.page(`/bureau/propositions/${id}/versions/1/apercu`);
    assert.equal(response.status, 200);
    assert.match(html, /Le numérique au quotidien — version 1/);
    assert.ok(html.includes('&lt;script>'));
  });

  it('names every event of the history in words, French or English, never by its code', async () => {
    await desk.context.submissions.appendEvent(id, {
      actor: { kind: 'author' },
      channel: 'email',
      action: 'version.refused',
      detail: { decision: 'accept', status: 'accepted', files: 1 },
    });
    const french = (await coordinator.visitor.page(`/bureau/propositions/${id}`)).html;
    assert.match(french, /<td>proposition reçue<\/td>/);
    assert.match(french, /<td>nouveau fichier refusé\u00a0: la décision était déjà prise<\/td>/);
    const english = (await coordinator.visitor.page(`/bureau/propositions/${id}?lang=en`)).html;
    assert.match(english, /<td>submission received<\/td>/);
    assert.match(english, /<td>new file refused: the decision was already taken<\/td>/);
    assert.doesNotMatch(french + english, /version refused|submission\.received|version\.refused/);
    await coordinator.visitor.get(`/bureau/propositions/${id}?lang=fr`); // the choice is remembered
  });

  it('answers 404 for an unknown submission', async () => {
    const response = await coordinator.visitor.get('/bureau/propositions/inconnue');
    assert.equal(response.status, 404);
    assert.match(await response.text(), /Proposition introuvable/);
  });
});
