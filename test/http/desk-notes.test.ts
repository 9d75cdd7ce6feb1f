import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { MAX_EDITORIAL_NOTE_CHARS } from '../../src/domain/editorial/notes.js';
import type { RunningDesk } from '../helpers/http-server.js';
import {
  type Staff,
  seedSubmission,
  staffMember,
  startTestDesk,
  type TestClock,
  testClock,
  Visitor,
} from './desk-helpers.js';

/**
 * The desk's notes on a submission through the real server and SQLite: the coordinators and the
 * committee write to each other, a writer takes a note back, and nothing of it reaches the author.
 */
describe('editorial notes: the desk writes to itself, never to the author', () => {
  let desk: RunningDesk;
  let clock: TestClock;
  let coordinator: Staff;
  let committee: Staff;
  let submissionId: string;
  const authorLink = randomBytes(32).toString('base64url');

  before(async () => {
    ({ desk, clock } = await startTestDesk({}, testClock(Date.parse('2022-09-05T08:00:00Z'))));
    const admin = await staffMember(desk, clock, 'administrator');
    coordinator = await staffMember(desk, clock, 'coordinator', 'coordination@exemple.fr', admin.account);
    committee = await staffMember(desk, clock, 'committee', 'comite@exemple.fr', admin.account);
    const { record } = await seedSubmission(desk, {
      title: 'Le numérique au guichet',
      givenName: 'Inès',
      surname: 'Auteure',
      receivedAt: '2022-08-20T10:00:00Z',
      linkToken: authorLink,
    });
    submissionId = record.id;
  });
  after(() => desk.close());

  const page = () => `/bureau/propositions/${submissionId}`;

  async function write(who: Staff, note: string): Promise<Response> {
    const { csrf } = await who.visitor.page(page());
    return who.visitor.post(`${page()}/notes`, { _csrf: csrf, note });
  }

  /** The ids of the « take back » forms on the page as `who` sees it. */
  async function removable(who: Staff): Promise<string[]> {
    const { html } = await who.visitor.page(page());
    return [...html.matchAll(/\/notes\/([^/"]+)\/retirer/g)].map((m) => m[1] as string);
  }

  it('shows a coordinator’s note to the whole desk, with its writer, in the history without its words', async () => {
    const posted = await write(coordinator, 'Très bon terrain.\nÀ proposer à Rita pour la relecture ?');
    assert.equal(posted.status, 303);
    assert.equal(posted.headers.get('location'), `${page()}?note=ecrite#notes`);
    const { html } = await committee.visitor.page(`${page()}?note=ecrite`);
    assert.match(html, /Notes de la rédaction/);
    assert.match(html, /Très bon terrain\.\nÀ proposer à Rita pour la relecture\s\?/);
    assert.match(html, /<strong>Personne coordinator<\/strong>, /, 'the writer is named');
    assert.match(html, /note de la rédaction écrite/, 'the history says a note was written');
    const history = html.slice(html.indexOf('Historique'));
    assert.doesNotMatch(history, /Très bon terrain/, 'the history never quotes the note');
    const mine = await coordinator.visitor.page(`${page()}?note=ecrite`);
    assert.match(mine.html, /Votre note est enregistrée/);
    assert.equal((await removable(coordinator)).length, 1, 'its writer may take it back');
    assert.equal((await removable(committee)).length, 0, 'nobody else may');
  });

  it('lets a committee member answer, in order, and keeps the words of a refused note with the reason', async () => {
    clock.advance(60_000);
    assert.equal((await write(committee, 'D’accord pour Rita.')).status, 303);
    const { html } = await coordinator.visitor.page(page());
    assert.ok(html.indexOf('Très bon terrain') < html.indexOf('D’accord pour Rita'), 'oldest first');
    const empty = await write(committee, '   \n  ');
    assert.equal(empty.status, 422);
    const emptyHtml = await empty.text();
    assert.match(emptyHtml, /La note est vide\s: écrivez-la dans le cadre/);
    assert.match(emptyHtml, /aria-invalid="true"/);
    const long = 'é'.repeat(MAX_EDITORIAL_NOTE_CHARS + 1);
    const tooLong = await write(committee, long);
    assert.equal(tooLong.status, 422);
    const tooLongHtml = await tooLong.text();
    assert.match(tooLongHtml, /La note fait 5\u202f001 caractères/);
    assert.ok(tooLongHtml.includes(long), 'the words typed come back in the box');
    const notes = await desk.context.editorialNotes.listForSubmission(submissionId);
    assert.equal(notes.length, 2, 'nothing kept from the refused ones');
    const dashboard = await coordinator.visitor.page('/bureau');
    assert.match(dashboard.html, /2 notes de la rédaction/, 'the dashboard shows there is talk');
  });

  it('takes a note back for its writer only: the words go, the trace stays', async () => {
    const [coordinatorsNote] = await removable(coordinator);
    assert.ok(coordinatorsNote);
    const { csrf } = await committee.visitor.page(page());
    const refused = await committee.visitor.post(`${page()}/notes/${coordinatorsNote}/retirer`, {
      _csrf: csrf,
    });
    assert.equal(refused.status, 403);
    assert.match(await refused.text(), /Seule la personne qui a écrit une note peut la retirer/);
    const mine = await coordinator.visitor.page(page());
    const taken = await coordinator.visitor.post(`${page()}/notes/${coordinatorsNote}/retirer`, {
      _csrf: mine.csrf,
    });
    assert.equal(taken.status, 303);
    assert.equal(taken.headers.get('location'), `${page()}?note=retiree#notes`);
    const { html } = await committee.visitor.page(page());
    assert.doesNotMatch(html, /Très bon terrain/);
    assert.match(html, /retirée le/);
    assert.match(html, /note de la rédaction retirée par son auteur/);
    const again = await coordinator.visitor.post(`${page()}/notes/${coordinatorsNote}/retirer`, {
      _csrf: (await coordinator.visitor.page(page())).csrf,
    });
    assert.equal(again.status, 404, 'already taken back');
  });

  it('never shows a note on the author’s page, and refuses notes to anyone not signed in', async () => {
    const author = new Visitor(desk.url);
    const response = await author.get(`/suivi/${authorLink}`);
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /Le numérique au guichet/);
    assert.doesNotMatch(html, /D’accord pour Rita|Notes de la rédaction|note de la rédaction/);
    const { csrf } = await author.page('/connexion');
    const refused = await author.post(`${page()}/notes`, { _csrf: csrf, note: 'Intrusion.' });
    assert.equal(refused.status, 401);
    assert.equal((await desk.context.editorialNotes.listForSubmission(submissionId)).length, 2);
  });

  it('answers 404 for a submission that does not exist', async () => {
    const { csrf } = await coordinator.visitor.page(page());
    const response = await coordinator.visitor.post('/bureau/propositions/inconnue/notes', {
      _csrf: csrf,
      note: 'Perdue.',
    });
    assert.equal(response.status, 404);
  });
});
