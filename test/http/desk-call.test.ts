import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openContext } from '../../src/main/context.js';
import type { RunningDesk } from '../helpers/http-server.js';
import {
  type Staff,
  seedSubmission,
  staffMember,
  startTestDesk,
  type TestClock,
  testClock,
} from './desk-helpers.js';

describe('the call from the desk: extending the deadline', () => {
  let desk: RunningDesk;
  let clock: TestClock;
  let coordinator: Staff;
  let committee: Staff;

  before(async () => {
    // The no. 81 call closed on 1 September 2022 (Paris); the coordinators reopen it on the 5th.
    ({ desk, clock } = await startTestDesk({}, testClock(Date.parse('2022-09-05T08:00:00Z'))));
    const admin = await staffMember(desk, clock, 'administrator');
    coordinator = await staffMember(desk, clock, 'coordinator', 'coordination@exemple.fr', admin.account);
    committee = await staffMember(desk, clock, 'committee', 'comite@exemple.fr', admin.account);
  });
  after(() => desk.close());

  it('the public page says closed before', async () => {
    const html = await (await fetch(`${desk.url}/`)).text();
    assert.match(html, /L’appel est clos depuis le jeudi 1er septembre 2022/);
  });

  it('refuses a date before the original deadline, or no date, and says why', async () => {
    const { csrf } = await coordinator.visitor.page('/bureau/appel');
    const before = await coordinator.visitor.post('/bureau/appel/prolongation', {
      _csrf: csrf,
      date: '2022-08-15',
    });
    assert.equal(before.status, 400);
    assert.match(
      await before.text(),
      /Une prolongation doit reporter la date limite après la date initiale \(jeudi 1er septembre 2022\)/,
    );
    const garbage = await coordinator.visitor.post('/bureau/appel/prolongation', {
      _csrf: csrf,
      date: '30/09/2022',
    });
    assert.equal(garbage.status, 400);
    assert.match(await garbage.text(), /Cette date n’est pas valide/);
  });

  it('keeps the committee to reading: no form, and the action is refused', async () => {
    const { html, csrf } = await committee.visitor.page('/bureau/appel');
    assert.match(html, /Seuls les coordinateurs du dossier peuvent prolonger l’appel/);
    const refused = await committee.visitor.post('/bureau/appel/prolongation', {
      _csrf: csrf,
      date: '2022-09-30',
    });
    assert.equal(refused.status, 403);
  });

  it('extends the call: recorded with the day it was decided, announced at once on the public page', async () => {
    const { csrf } = await coordinator.visitor.page('/bureau/appel');
    const done = await coordinator.visitor.post('/bureau/appel/prolongation', {
      _csrf: csrf,
      date: '2022-09-30',
    });
    assert.equal(done.status, 303);
    assert.equal(done.headers.get('location'), '/bureau/appel?prolonge=1');
    const page = (await coordinator.visitor.page('/bureau/appel?prolonge=1')).html;
    assert.match(page, /L’appel est prolongé jusqu’au vendredi 30 septembre 2022 inclus/);
    assert.match(page, /<td>lundi 5 septembre 2022<\/td><td>vendredi 30 septembre 2022<\/td>/);

    const stored = await desk.context.calls.findCallBySlug('sociographe-81');
    assert.ok(stored);
    const extensions = (stored.data as { deadline: { extensions: unknown[] } }).deadline.extensions;
    assert.deepEqual(extensions, [{ date: '2022-09-30', decidedOn: '2022-09-05' }]);

    const html = await (await fetch(`${desk.url}/`)).text();
    assert.match(html, /L’appel est prolongé jusqu’au vendredi 30 septembre 2022 inclus\./);
    assert.match(html, /Proposer un article/);
    const english = await (await fetch(`${desk.url}/?lang=en`)).text();
    assert.match(english, /The call is extended until Friday 30 September 2022 inclusive/);
  });

  it('judges a manuscript received in the new window as on time', async () => {
    const { record } = await seedSubmission(desk, {
      title: 'Arrivé pendant la prolongation',
      givenName: 'Jeanne',
      surname: 'Roux',
      receivedAt: '2022-09-06T09:00:00Z',
    });
    assert.equal(record.late, false);
    assert.equal(record.status, 'complete');
  });

  it('keeps the extension when the desk starts again from the call file', async () => {
    const again = await openContext({
      data: desk.context.dataDir,
      env: { APPEL_DATA: desk.context.dataDir },
    });
    try {
      assert.deepEqual(again.call.deadline.extensions, [{ date: '2022-09-30', decidedOn: '2022-09-05' }]);
      assert.deepEqual(again.intake.call.deadline.extensions, again.call.deadline.extensions);
    } finally {
      await again.close();
    }
  });

  it('the same day, a second decision replaces the first (a typo is corrected, not stacked)', async () => {
    const { csrf } = await coordinator.visitor.page('/bureau/appel');
    const done = await coordinator.visitor.post('/bureau/appel/prolongation', {
      _csrf: csrf,
      date: '2022-09-23',
    });
    assert.equal(done.status, 303);
    assert.deepEqual(desk.context.call.deadline.extensions, [
      { date: '2022-09-23', decidedOn: '2022-09-05' },
    ]);
    const html = await (await fetch(`${desk.url}/`)).text();
    assert.match(html, /prolongé jusqu’au vendredi 23 septembre 2022/);
  });
});
