import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { extendDeadline } from '../../src/app/desk-extend-deadline.js';
import type { CallStore } from '../../src/ports/call-store.js';
import type { RunningDesk } from '../helpers/http-server.js';
import { type Staff, staffMember, startTestDesk, type TestClock, testClock } from './desk-helpers.js';

/** The text of the form's problem (the alert above the date field), tags dropped. */
function problemIn(html: string): string {
  const found = /<p class="alert" role="alert" id="date-problem">([\s\S]*?)<\/p>/.exec(html);
  assert.ok(found, 'the page shows a problem above the date field');
  return (found[1] as string).replace(/<[^>]+>/g, '');
}

describe('the call from the desk: an extension that keeps losing the race', () => {
  let desk: RunningDesk;
  let clock: TestClock;
  let coordinator: Staff;
  let stored: CallStore;
  // The other coordinator's successive decisions, one before each of this desk's writes.
  let others: string[];

  before(async () => {
    // The no. 81 call closed on 1 September 2022 (Paris); on the 5th two coordinators reopen it.
    ({ desk, clock } = await startTestDesk({}, testClock(Date.parse('2022-09-05T08:00:00Z'))));
    const admin = await staffMember(desk, clock, 'administrator');
    coordinator = await staffMember(desk, clock, 'coordinator', 'coordination@exemple.fr', admin.account);
    stored = desk.context.calls;
    // Before each of the desk's writes, another desk decides (writes through the real store): the
    // desk's read is always stale, so its write always loses and CALL_CHANGED ends the second try.
    desk.context.calls = {
      saveCall: (slug, data) => stored.saveCall(slug, data),
      createCall: (slug, data) => stored.createCall(slug, data),
      findCallBySlug: (slug) => stored.findCallBySlug(slug),
      findCallById: (id) => stored.findCallById(id),
      listCalls: () => stored.listCalls(),
      replaceCall: async (id, data, revision) => {
        const date = others.shift();
        assert.ok(date, 'the other desk has a decision left');
        const theirs = await extendDeadline(
          { date },
          { calls: stored, currentCall: desk.context.currentCall, now: clock.now },
        );
        assert.ok(theirs.ok);
        return stored.replaceCall(id, data, revision);
      },
    };
  });
  after(async () => {
    desk.context.calls = stored;
    await desk.close();
  });

  it('answers 409 with the call page as stored now, the problem said in French, the date typed kept', async () => {
    others = ['2022-09-30', '2022-10-07'];
    const { csrf } = await coordinator.visitor.page('/bureau/appel');
    const lost = await coordinator.visitor.post('/bureau/appel/prolongation', {
      _csrf: csrf,
      date: '2022-10-15',
    });
    assert.equal(lost.status, 409);
    const html = await lost.text();
    assert.equal(
      problemIn(html),
      'L’appel a été modifié au même moment depuis un autre poste\u00a0: votre changement n’a pas été enregistré. ' +
        'La date limite ci-dessus est celle enregistrée à l’instant\u00a0: vérifiez-la, puis recommencez si besoin.',
    );
    // The deadline as the other desk left it, not as this one read it before the form was sent.
    assert.match(html, /<strong>vendredi 7 octobre 2022/);
    assert.match(html, /<td>lundi 5 septembre 2022<\/td><td>vendredi 7 octobre 2022<\/td>/);
    assert.match(html, /value="2022-10-15"/);
    assert.match(html, /aria-invalid="true"/);
    assert.deepEqual(others, []);
    // Nothing of this desk's decision was written.
    assert.deepEqual(desk.context.call.deadline.extensions, [
      { date: '2022-10-07', decidedOn: '2022-09-05' },
    ]);
  });

  it('says it in English for an English page', async () => {
    others = ['2022-10-14', '2022-10-21'];
    const { csrf } = await coordinator.visitor.page('/bureau/appel');
    const lost = await coordinator.visitor.post(
      '/bureau/appel/prolongation',
      { _csrf: csrf, date: '2022-10-28' },
      { 'accept-language': 'en' },
    );
    assert.equal(lost.status, 409);
    const html = await lost.text();
    assert.equal(
      problemIn(html),
      'The call was changed at the same moment from elsewhere: your change was not saved. ' +
        'The deadline above is the one stored just now: check it, then try again if needed.',
    );
    assert.match(html, /<td>Monday 5 September 2022<\/td><td>Friday 21 October 2022<\/td>/);
    assert.match(html, /value="2022-10-28"/);
  });

  it('sets French typography on the form’s other problems too', async () => {
    const { csrf } = await coordinator.visitor.page('/bureau/appel');
    const garbage = await coordinator.visitor.post('/bureau/appel/prolongation', {
      _csrf: csrf,
      date: '30/09/2022',
    });
    assert.equal(garbage.status, 400);
    assert.match(problemIn(await garbage.text()), /^Cette date n’est pas valide\u00a0: choisissez/);
  });
});
