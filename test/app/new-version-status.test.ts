import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { addManuscriptVersion } from '../../src/app/add-manuscript-version.js';
import { sendVersionFromLink } from '../../src/app/author-add-version.js';
import { submitManuscript } from '../../src/app/submit-manuscript.js';
import { SOCIOGRAPHE_81 } from '../../src/domain/call/sociographe-81.js';
import { isAppError } from '../../src/domain/shared/errors.js';
import { decisionBehind } from '../../src/domain/submission/decision.js';
import type { Status } from '../../src/domain/submission/status.js';
import type { ManuscriptReader } from '../../src/ports/manuscript-reader.js';
import type { UnitOfWork } from '../../src/ports/message-ledger.js';
import type { Channel, SubmissionRecord } from '../../src/ports/submission-store.js';
import { docxAttachment, mailFrom, manuscriptDocx, ON_TIME, PEOPLE } from '../intake/support/fixtures.js';
import { type DialectName, forEachDialect, openWorld, type World } from '../intake/support/world.js';

/**
 * A new version and the status, on real storage (SQLite and PostgreSQL): the lifecycle table moves
 * a submission whose revisions were asked for back to review, in the transaction that records the
 * version, with its own event; every other undecided status stays where it was. After a decision
 * the version is refused (SUBMISSION_DECIDED) and nothing is recorded, even when the decision came
 * after the caller's own look at the submission: while the file was judged, or inside the version's
 * transaction itself (PostgreSQL, where another connection can commit in between).
 */

let seed = 100;

async function submitted(w: World): Promise<SubmissionRecord> {
  const who = PEOPLE.claire;
  const result = await submitManuscript(
    {
      callId: w.callId,
      call: SOCIOGRAPHE_81,
      channel: 'web',
      idempotencyKey: `test:${++seed}`,
      receivedAt: ON_TIME,
      title: 'Le numérique dans la relation d’aide',
      authors: [{ givenName: who.given, surname: who.surname, email: who.address, isContact: true }],
      phone: who.phone,
      postalAddress: `${who.street}, ${who.city}`,
      consents: { onlinePublication: true, freeOfCharge: true },
      files: [{ name: 'manuscrit.docx', bytes: await manuscriptDocx(seed) }],
      reply: null,
      lang: 'fr',
    },
    w.deps,
  );
  return result.record;
}

/** Puts the submission in `status` as the desk would have (the store records, it does not judge). */
async function movedTo(w: World, record: SubmissionRecord, status: Status): Promise<SubmissionRecord> {
  await w.deps.uow.run((s) =>
    s.submissions.changeStatus({
      submissionId: record.id,
      expectedVersion: record.version,
      to: status,
      event: { actor: { kind: 'coordinator', id: 'acc-1' }, channel: 'web', action: 'test.setup' },
    }),
  );
  return reload(w, record.id);
}

const eventsOf = (w: World, id: string) => w.deps.uow.run((s) => s.submissions.listEvents(id));

async function reload(w: World, id: string): Promise<SubmissionRecord> {
  const record = await w.deps.uow.run((s) => s.submissions.findById(id));
  assert.ok(record);
  return record;
}

async function newVersion(
  w: World,
  id: string,
  channel: Channel,
  deps: Partial<World['deps']> = {},
): Promise<void> {
  await addManuscriptVersion(
    {
      submissionId: id,
      call: SOCIOGRAPHE_81,
      files: [{ name: 'manuscrit-v2.docx', bytes: await manuscriptDocx(++seed) }],
      receivedAt: new Date(ON_TIME.getTime() + 86_400_000),
      channel,
      // A receipt asked for, so that a refusal is seen to queue none.
      reply: { to: { address: PEOPLE.claire.address } },
      lang: 'fr',
    },
    { ...w.deps, ...deps },
  );
}

/** A new version kept by the author's page (by hash), then confirmed through the private link. */
async function sendThroughLink(w: World, id: string, n: number, deps: Partial<World['deps']> = {}) {
  const put = await w.files.put(await manuscriptDocx(n));
  return sendVersionFromLink(
    {
      submissionId: id,
      call: SOCIOGRAPHE_81,
      file: { sha256: put.sha256, name: 'revise.docx' },
      receivedAt: new Date('2022-10-01T10:00:00Z'),
      now: new Date('2022-10-01T10:00:00Z'),
      followUrl: 'https://journal.example/suivi/x',
      lang: 'fr',
    },
    { ...w.deps, ...deps },
  );
}

const decidedError = (e: unknown) => isAppError(e) && e.code === 'SUBMISSION_DECIDED';

/** What a refused version must have left as it was. */
async function footprint(w: World, id: string) {
  return {
    record: await reload(w, id),
    events: (await eventsOf(w, id)).length,
    versions: await w.count('manuscript_versions'),
    outbox: await w.count('outbox'),
  };
}

/** The manuscript reader, with the desk deciding (once) while the file is being read. */
function decidingWhileRead(w: World, record: SubmissionRecord, status: Status): ManuscriptReader {
  let decided = false;
  return async (source, options) => {
    if (!decided) {
      decided = true;
      await movedTo(w, record, status);
    }
    return w.deps.read(source, options);
  };
}

function suite(dialect: DialectName) {
  describe(`a new version and the status (${dialect})`, () => {
    let w: World;
    beforeEach(async () => {
      w = await openWorld(dialect);
    });
    afterEach(() => w.close());

    for (const channel of ['email', 'web'] as const) {
      it(`moves « modifications demandées » back to « en évaluation » (${channel})`, async () => {
        const asked = await movedTo(w, await submitted(w), 'revisions_requested');
        await newVersion(w, asked.id, channel);
        const after = await reload(w, asked.id);
        assert.equal(after.status, 'in_review');
        assert.equal(after.versions.length, 2);
        const [received, moved] = (await eventsOf(w, asked.id)).slice(-2);
        assert.equal(received?.action, 'version.received');
        assert.deepEqual(moved && { ...moved, id: 0, at: '' }, {
          id: 0,
          at: '',
          submissionId: asked.id,
          actor: { kind: 'author' },
          channel,
          action: 'submit_revision',
          fromStatus: 'revisions_requested',
          toStatus: 'in_review',
          detail: { versionNumber: 2 },
        });
        assert.deepEqual(await w.deps.uow.run((s) => s.submissions.countByStatus(w.callId)), {
          in_review: 1,
        });
      });
    }

    for (const status of ['complete', 'in_review', 'late'] as const) {
      it(`keeps « ${status} » as it is, and adds no status event`, async () => {
        const record = await movedTo(w, await submitted(w), status);
        await newVersion(w, record.id, 'email');
        const after = await reload(w, record.id);
        assert.equal(after.status, status);
        assert.equal(after.versions.length, 2);
        const actions = (await eventsOf(w, record.id)).map((e) => e.action);
        assert.ok(!actions.includes('submit_revision'), actions.join(', '));
      });
    }

    const decisions = [
      ['declined', 'email'],
      ['accepted', 'web'],
      ['withdrawn', 'email'],
      ['published', 'web'],
    ] as const;
    for (const [status, channel] of decisions) {
      it(`refuses a version on « ${status} » (${channel}): SUBMISSION_DECIDED, nothing recorded`, async () => {
        const record = await movedTo(w, await submitted(w), status);
        const before = await footprint(w, record.id);
        await assert.rejects(newVersion(w, record.id, channel), decidedError);
        assert.deepEqual(await footprint(w, record.id), before);
      });
    }

    it('refuses a version when the decision came while its file was judged (after any look before)', async () => {
      const record = await movedTo(w, await submitted(w), 'in_review');
      assert.equal(decisionBehind(record.status), null, 'open when the caller looked');
      await assert.rejects(
        newVersion(w, record.id, 'email', { read: decidingWhileRead(w, record, 'declined') }),
        decidedError,
      );
      const after = await reload(w, record.id);
      assert.deepEqual([after.status, after.versions.length], ['declined', 1]);
      assert.ok(!(await eventsOf(w, record.id)).some((e) => e.action === 'version.received'));
      assert.equal(await w.count('outbox'), 0, 'no receipt for what was not recorded');
    });

    it('refuses a version when the decision commits inside its transaction, before the version is written', {
      skip:
        dialect === 'sqlite'
          ? 'SQLite’s write transaction holds the database from its start: no one can commit in between'
          : false,
    }, async () => {
      const record = await movedTo(w, await submitted(w), 'complete');
      // The desk's decision, on a connection of its own, committed after the use case's read
      // of the submission and before its version is written.
      const uow: UnitOfWork = {
        run: (fn) =>
          w.deps.uow.run((s) => {
            const submissions: typeof s.submissions = Object.create(s.submissions);
            submissions.addVersion = async (input) => {
              await movedTo(w, record, 'declined');
              return s.submissions.addVersion(input);
            };
            return fn({ ...s, submissions });
          }),
      };
      await assert.rejects(newVersion(w, record.id, 'web', { uow }), decidedError);
      const after = await reload(w, record.id);
      assert.deepEqual([after.status, after.versions.length], ['declined', 1]);
      assert.equal(await w.count('outbox'), 0);
    });

    it('takes a revised version by e-mail, in the submission’s thread, end to end', async () => {
      const first = await mailFrom({
        from: PEOPLE.louis,
        messageId: '<louis.v1@exemple.fr>',
        subject: 'Proposition pour le n° 81',
        attachments: [docxAttachment('garnier.docx', await manuscriptDocx(++seed))],
      });
      await w.importPaths(await w.put('v1.eml', first));
      const [summary] = await w.deps.uow.run((s) => s.submissions.listByCall(w.callId));
      assert.ok(summary);
      await movedTo(w, await reload(w, summary.id), 'revisions_requested');
      const revised = await mailFrom({
        from: PEOPLE.louis,
        messageId: '<louis.v2@exemple.fr>',
        date: new Date('2022-10-03T09:00:00Z'),
        inReplyTo: '<louis.v1@exemple.fr>',
        references: ['<louis.v1@exemple.fr>'],
        subject: 'Re: Proposition pour le n° 81 — version révisée',
        attachments: [docxAttachment('garnier-v2.docx', await manuscriptDocx(++seed))],
      });
      const imported = await w.importPaths(await w.put('v2.eml', revised));
      assert.equal(imported.versions, 1);
      assert.equal((await reload(w, summary.id)).status, 'in_review');
    });

    it('takes a revised version through the private link, then refuses a second one in review', async () => {
      const asked = await movedTo(w, await submitted(w), 'revisions_requested');
      const send = (n: number) => sendThroughLink(w, asked.id, n);
      assert.equal((await send(++seed)).ok, true);
      assert.equal((await reload(w, asked.id)).status, 'in_review');
      assert.deepEqual(await send(++seed), { ok: false, reason: 'not-now' });
      assert.equal((await reload(w, asked.id)).versions.length, 2);
    });

    it('the private link shows its refusal when the decision came while the file was read', async () => {
      const asked = await movedTo(w, await submitted(w), 'revisions_requested');
      const sent = await sendThroughLink(w, asked.id, ++seed, {
        read: decidingWhileRead(w, asked, 'withdrawn'),
      });
      assert.deepEqual(sent, { ok: false, reason: 'not-now' });
      const after = await reload(w, asked.id);
      assert.deepEqual([after.status, after.versions.length], ['withdrawn', 1]);
      assert.equal(await w.count('outbox'), 0);
    });
  });
}

await forEachDialect(suite);
