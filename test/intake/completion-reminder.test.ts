import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { hashToken } from '../../src/app/accounts/secrets.js';
import { remindIncompleteSubmissions } from '../../src/app/remind-incomplete.js';
import { SOCIOGRAPHE_81 } from '../../src/domain/call/sociographe-81.js';
import { COMPLETION_REMINDER_EVENT } from '../../src/domain/submission/completion-reminder.js';
import { docxAttachment, mailFrom, manuscriptDocx, PEOPLE, type Person } from './support/fixtures.js';
import { type DialectName, forEachDialect, openWorld, plain, type World } from './support/world.js';

/**
 * The one reminder to an incomplete submission, on real storage: a week before the deadline, the
 * contact person gets what is still missing and a new private link; never twice, never for a
 * complete one, never after the deadline, and one letter even when two workers run at once.
 */

const PUBLIC = 'https://appel.sociographe.example';

/** A submission by e-mail without the signature that carries the phone and the address. */
async function withoutDetails(w: World, who: Person, seed: number, received?: Date): Promise<string> {
  const raw = await mailFrom({
    from: who,
    messageId: `<${who.given.toLowerCase()}.${seed}@exemple.fr>`,
    subject: `Proposition ${seed}`,
    text: `Bonjour,\n\nci-joint mon article.\n\n${who.given} ${who.surname}\n`,
    attachments: [docxAttachment(`article-${seed}.docx`, await manuscriptDocx(seed))],
    ...(received ? { received } : {}),
  });
  await w.importPaths(await w.put(`${seed}.eml`, raw));
  const rows = await w.deps.uow.run((s) => s.submissions.listByCall(w.callId));
  const row = rows.find((r) => r.title === `Proposition ${seed}`);
  assert.ok(row);
  assert.equal(row.status, 'incomplete', 'no phone, no postal address');
  return row.id;
}

async function forEachDialectSuite(dialect: DialectName) {
  describe(`completion reminders (${dialect})`, () => {
    let w: World;
    beforeEach(async () => {
      w = await openWorld(dialect);
    });
    afterEach(() => w.close());

    const remind = () =>
      remindIncompleteSubmissions({
        uow: w.deps.uow,
        submissions: {
          listByCall: (callId, filter) => w.deps.uow.run((s) => s.submissions.listByCall(callId, filter)),
        },
        call: SOCIOGRAPHE_81,
        callId: w.callId,
        clock: w.clock,
        publicBase: PUBLIC,
      });

    const reminders = async () => (await w.letters()).filter((l) => /pas encore complète/.test(l.subject));

    it('writes once, a week before the deadline, with what is missing and a new link that opens the submission', async () => {
      const id = await withoutDetails(w, PEOPLE.louis, 901);
      const complete = await mailFrom({
        from: PEOPLE.claire,
        messageId: '<claire.complete@exemple.fr>',
        subject: 'Proposition complète',
        attachments: [docxAttachment('claire.docx', await manuscriptDocx(902))],
      });
      await w.importPaths(await w.put('complete.eml', complete));
      w.clock.set(new Date('2022-08-24T10:00:00Z'));
      assert.deepEqual(await remind(), { reminded: 0 }, 'more than a week before the deadline');
      w.clock.set(new Date('2022-08-27T10:00:00Z'));
      assert.deepEqual(await remind(), { reminded: 1 }, 'the incomplete one only');
      assert.deepEqual(await remind(), { reminded: 0 }, 'once');
      await w.drain();
      const [letter, ...more] = await reminders();
      assert.ok(letter);
      assert.deepEqual(more, []);
      assert.equal(letter.to, PEOPLE.louis.address);
      const text = plain(letter.text);
      assert.match(text, /Bonjour Louis Garnier,/);
      assert.match(text, /la date limite de dépôt est le jeudi 1er septembre 2022/);
      assert.match(text, /- un numéro de téléphone où vous joindre\n- votre adresse postale complète/);
      const url = /https:\/\/appel\.sociographe\.example\/suivi\/([A-Za-z0-9_-]+)/.exec(text);
      assert.ok(url?.[1], 'a new private link');
      const link = await w.deps.uow.run((s) => s.authorLinks.findLive(hashToken(url[1] as string)));
      assert.equal(link?.submissionId, id);
      const events = await w.deps.uow.run((s) => s.submissions.listEvents(id));
      assert.equal(events.filter((e) => e.action === COMPLETION_REMINDER_EVENT).length, 1);
    });

    it('leaves alone a submission received less than two days ago, and any after the deadline', async () => {
      const early = await withoutDetails(w, PEOPLE.louis, 903);
      w.clock.set(new Date('2022-08-30T10:00:00Z'));
      const fresh = await withoutDetails(w, PEOPLE.claire, 905, new Date('2022-08-30T08:00:00Z'));
      const received = await w.deps.uow.run((s) => s.submissions.findById(fresh));
      assert.equal(received?.receivedAt, '2022-08-30T08:00:00.000Z', 'dated by our server');
      w.clock.set(new Date('2022-08-31T10:00:00Z'));
      assert.deepEqual(await remind(), { reminded: 1 }, 'the early one; the fresh one a day old');
      w.clock.set(new Date('2022-09-02T10:00:00Z'));
      assert.deepEqual(
        await remind(),
        { reminded: 0 },
        'the fresh one is two days old, but the deadline is past',
      );
      const reminded = await w.deps.uow.run(async (s) => ({
        early: (await s.submissions.listEvents(early)).some((e) => e.action === COMPLETION_REMINDER_EVENT),
        fresh: (await s.submissions.listEvents(fresh)).some((e) => e.action === COMPLETION_REMINDER_EVENT),
      }));
      assert.deepEqual(reminded, { early: true, fresh: false });
    });

    it('sends nothing when the call turns the reminder off', async () => {
      await withoutDetails(w, PEOPLE.louis, 906);
      w.clock.set(new Date('2022-08-27T10:00:00Z'));
      const off = await remindIncompleteSubmissions({
        uow: w.deps.uow,
        submissions: {
          listByCall: (callId, filter) => w.deps.uow.run((s) => s.submissions.listByCall(callId, filter)),
        },
        call: { ...SOCIOGRAPHE_81, reminders: { completion: false } },
        callId: w.callId,
        clock: w.clock,
        publicBase: PUBLIC,
      });
      assert.deepEqual(off, { reminded: 0 });
      assert.deepEqual(await remind(), { reminded: 1 }, 'the same submission, reminders on');
    });

    it('queues one letter when two workers remind at once', async () => {
      await withoutDetails(w, PEOPLE.louis, 904);
      w.clock.set(new Date('2022-08-27T10:00:00Z'));
      const [a, b] = await Promise.all([remind(), remind()]);
      assert.equal(a.reminded + b.reminded, 1);
      await w.drain();
      assert.equal((await reminders()).length, 1);
    });
  });
}

await forEachDialect(forEachDialectSuite);
