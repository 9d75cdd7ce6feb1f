import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Action } from '../../src/domain/submission/lifecycle.js';
import type { NewAuthor } from '../../src/ports/submission-records.js';
import { newSubmission, newVersion } from '../db/support/fixtures.js';
import type { RunningDesk } from '../helpers/http-server.js';
import {
  moveAlong,
  type Staff,
  staffMember,
  startTestDesk,
  type TestClock,
  TO_ISSUE,
  testClock,
} from './desk-helpers.js';

/**
 * The issue's table of contents at the desk: the texts placed in the issue (by line of inquiry,
 * then arrival), the accepted ones on their way, authors in print order, and a text export.
 */
describe('the issue’s table of contents', () => {
  let desk: RunningDesk;
  let clock: TestClock;
  let coordinator: Staff;
  let committee: Staff;
  const ids: Record<string, string> = {};

  /** A submission recorded complete, then moved by the coordinator through these actions. */
  async function submission(
    key: string,
    title: string,
    axis: string | null,
    receivedAt: string,
    authors: NewAuthor[],
    signes: number,
    actions: readonly Action[],
  ): Promise<void> {
    const record = await desk.context.submissions.recordSubmission(
      newSubmission(desk.context.callId, {
        title,
        axis,
        status: 'complete',
        authors,
        receivedAt: new Date(receivedAt),
        version: newVersion({ signesTotal: signes }),
      }),
    );
    await moveAlong(desk, record.id, record.version, actions);
    ids[key] = record.id;
  }

  const contact = (givenName: string, surname: string): NewAuthor => ({
    givenName,
    surname,
    email: `${surname.toLowerCase().replace(/\W/g, '')}@exemple.fr`,
    phone: '01 45 67 89 10',
    postalAddress: '12 rue de la Paix, 75002 Paris',
    isContact: true,
  });

  before(async () => {
    ({ desk, clock } = await startTestDesk({}, testClock(Date.parse('2022-09-20T08:00:00Z'))));
    const admin = await staffMember(desk, clock, 'administrator');
    coordinator = await staffMember(desk, clock, 'coordinator', 'coordination@exemple.fr', admin.account);
    committee = await staffMember(desk, clock, 'committee', 'comite@exemple.fr', admin.account);
    const [first, second] = desk.context.call.axes;
    assert.ok(first && second);
    await submission(
      'second-axis',
      'Le guichet et l’écran',
      second.id,
      '2022-08-10T10:00:00Z',
      [contact('Zoé', 'Moreau'), { givenName: 'Jean', surname: 'de La Fontaine', isContact: false }],
      21_000,
      TO_ISSUE,
    );
    await submission(
      'first-axis',
      'Accompagner à distance',
      first.id,
      '2022-08-15T10:00:00Z',
      [
        { ...contact('Yves', 'Vidal'), requestedOrder: true },
        { givenName: 'Anne', surname: 'Abadie', isContact: false, requestedOrder: true },
      ],
      19_500,
      [...TO_ISSUE, 'publish'],
    );
    await submission(
      'accepted',
      'Un texte accepté',
      null,
      '2022-08-12T10:00:00Z',
      [contact('Lou', 'Bernard')],
      9000,
      ['send_to_review', 'accept'],
    );
    await submission(
      'complete',
      'Pas encore évalué',
      null,
      '2022-08-11T10:00:00Z',
      [contact('Max', 'Roux')],
      8000,
      [],
    );
  });
  after(() => desk.close());

  it('lists the issue by line of inquiry, authors in print order, then the accepted texts', async () => {
    const { response, html } = await committee.visitor.page('/bureau/sommaire');
    assert.equal(response.status, 200);
    assert.match(html, /<a href="\/bureau\/sommaire" aria-current="page">Sommaire<\/a>/);
    const placed = html.slice(html.indexOf('Au sommaire'), html.indexOf('Acceptés, pas encore au sommaire'));
    const coming = html.slice(html.indexOf('Acceptés, pas encore au sommaire'));
    assert.ok(
      placed.indexOf('Accompagner à distance') < placed.indexOf('Le guichet et l’écran'),
      'the first line of inquiry comes first, whatever the arrival',
    );
    assert.match(placed, /Jean de La Fontaine, Zoé Moreau/, 'alphabetical, the particle set aside');
    assert.match(placed, /Yves Vidal, Anne Abadie \(ordre demandé\)/, 'the order the authors asked for');
    assert.match(placed, /publiée/);
    assert.match(placed, /En tout\s?: 40\u202f500 signes, espaces compris\./);
    assert.match(coming, /Un texte accepté/);
    assert.doesNotMatch(html, /Pas encore évalué/);
    assert.doesNotMatch(coming, /Accompagner à distance/);
  });

  it('gives the table of contents as plain text, as an attachment', async () => {
    const response = await coordinator.visitor.get('/bureau/sommaire.txt');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/plain; charset=utf-8/);
    assert.match(
      response.headers.get('content-disposition') ?? '',
      /attachment; filename="sommaire-n81\.txt"/,
    );
    assert.equal(
      await response.text(),
      [
        'Sociographe n°\u00a081 — sommaire',
        '',
        '1. Accompagner à distance',
        '   Yves Vidal, Anne Abadie',
        '',
        '2. Le guichet et l’écran',
        '   Jean de La Fontaine, Zoé Moreau',
        '',
      ].join('\n'),
    );
  });

  it('lets a coordinator set the issue’s order with « Monter » and « Descendre », without JavaScript', async () => {
    const committeeView = (await committee.visitor.page('/bureau/sommaire')).html;
    assert.doesNotMatch(
      committeeView,
      /action="\/bureau\/sommaire\/ordre"/,
      'the committee reads, does not reorder',
    );
    const { html, csrf } = await coordinator.visitor.page('/bureau/sommaire');
    const placed = html.slice(html.indexOf('Au sommaire'), html.indexOf('Acceptés, pas encore au sommaire'));
    assert.equal((placed.match(/name="sens" value="up"/g) ?? []).length, 1, 'the first text cannot go up');
    assert.equal((placed.match(/name="sens" value="down"/g) ?? []).length, 1, 'the last text cannot go down');
    const moved = await coordinator.visitor.post('/bureau/sommaire/ordre', {
      _csrf: csrf,
      proposition: ids['second-axis'] ?? '',
      sens: 'up',
    });
    assert.equal(moved.status, 303);
    assert.equal(moved.headers.get('location'), `/bureau/sommaire#texte-${ids['second-axis']}`);
    const text = await (await coordinator.visitor.get('/bureau/sommaire.txt')).text();
    assert.ok(text.indexOf('1. Le guichet et l’écran') > 0, text);
    assert.ok(text.indexOf('2. Accompagner à distance') > 0, text);

    const notPlaced = await coordinator.visitor.post('/bureau/sommaire/ordre', {
      _csrf: csrf,
      proposition: ids.accepted ?? '',
      sens: 'up',
    });
    assert.equal(notPlaced.status, 409);
    assert.match(await notPlaced.text(), /Ce texte n’est pas au sommaire/);

    // Moving back restores the first order; moving the first text up changes nothing.
    await coordinator.visitor.post('/bureau/sommaire/ordre', {
      _csrf: csrf,
      proposition: ids['first-axis'] ?? '',
      sens: 'up',
    });
    await coordinator.visitor.post('/bureau/sommaire/ordre', {
      _csrf: csrf,
      proposition: ids['first-axis'] ?? '',
      sens: 'up',
    });
    const back = await (await coordinator.visitor.get('/bureau/sommaire.txt')).text();
    assert.ok(back.indexOf('1. Accompagner à distance') > 0, back);
  });

  it('is for the desk only', async () => {
    const response = await fetch(`${desk.url}/bureau/sommaire`, { redirect: 'manual' });
    assert.equal(response.status, 302);
    assert.equal((await fetch(`${desk.url}/bureau/sommaire.txt`, { redirect: 'manual' })).status, 302);
  });
});
