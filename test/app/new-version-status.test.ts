import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { addManuscriptVersion } from '../../src/app/add-manuscript-version.js';
import { sendVersionFromLink } from '../../src/app/author-add-version.js';
import { submitManuscript } from '../../src/app/submit-manuscript.js';
import { SOCIOGRAPHE_81 } from '../../src/domain/call/sociographe-81.js';
import type { Status } from '../../src/domain/submission/status.js';
import type { Channel, SubmissionRecord } from '../../src/ports/submission-store.js';
import { docxAttachment, mailFrom, manuscriptDocx, ON_TIME, PEOPLE } from '../intake/support/fixtures.js';
import { type DialectName, forEachDialect, openWorld, type World } from '../intake/support/world.js';

/**
 * A new version and the status, on real storage (SQLite and PostgreSQL): the lifecycle table moves
 * a submission whose revisions were asked for back to review, in the transaction that records the
 * version, with its own event; every other status stays where it was.
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

async function reload(w: World, id: string): Promise<SubmissionRecord> {
  const record = await w.deps.uow.run((s) => s.submissions.findById(id));
  assert.ok(record);
  return record;
}

async function newVersion(w: World, id: string, channel: Channel): Promise<void> {
  await addManuscriptVersion(
    {
      submissionId: id,
      call: SOCIOGRAPHE_81,
      files: [{ name: 'manuscrit-v2.docx', bytes: await manuscriptDocx(++seed) }],
      receivedAt: new Date(ON_TIME.getTime() + 86_400_000),
      channel,
      reply: null,
      lang: 'fr',
    },
    w.deps,
  );
}

const eventsOf = (w: World, id: string) => w.deps.uow.run((s) => s.submissions.listEvents(id));

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

    for (const status of ['complete', 'in_review', 'declined'] as const) {
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
      const send = async (n: number) => {
        const bytes = await manuscriptDocx(n);
        const put = await w.files.put(bytes);
        return sendVersionFromLink(
          {
            submissionId: asked.id,
            call: SOCIOGRAPHE_81,
            file: { sha256: put.sha256, name: 'revise.docx' },
            receivedAt: new Date('2022-10-01T10:00:00Z'),
            now: new Date('2022-10-01T10:00:00Z'),
            followUrl: 'https://journal.example/suivi/x',
            lang: 'fr',
          },
          w.deps,
        );
      };
      assert.equal((await send(++seed)).ok, true);
      assert.equal((await reload(w, asked.id)).status, 'in_review');
      assert.deepEqual(await send(++seed), { ok: false, reason: 'not-now' });
      assert.equal((await reload(w, asked.id)).versions.length, 2);
    });
  });
}

await forEachDialect(suite);
