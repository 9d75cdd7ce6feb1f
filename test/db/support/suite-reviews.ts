import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { KyselyAccountStore } from '../../../src/adapters/db/repositories/accounts.js';
import { KyselyReviewStore } from '../../../src/adapters/db/repositories/reviews.js';
import type { CallRecord } from '../../../src/ports/call-store.js';
import { randomIds } from '../../../src/ports/id-generator.js';
import type { MakeDatabase, TestDatabase } from './databases.js';
import { newSubmission, sha256, storesFor, T0 } from './fixtures.js';

/** Blind review requests and opinions, on each dialect with the real migrations. */
export function reviewSuite(makeDb: MakeDatabase): void {
  describe('reviews', () => {
    let t: TestDatabase;
    let s: Awaited<ReturnType<typeof storesFor>>;
    let reviews: KyselyReviewStore;
    let call: CallRecord;
    let accountId: string;
    before(async () => {
      t = await makeDb();
      s = await storesFor(t.handle);
      reviews = new KyselyReviewStore(t.handle.db, s.clock, randomIds);
      call = await s.calls.saveCall('relectures', { journal: 'Sociographe' });
      const account = await new KyselyAccountStore(t.handle.db, randomIds).createAccount({
        email: 'coordination@exemple.fr',
        displayName: 'Claire Petit',
        role: 'coordinator',
        totpSecret: 'JBSWY3DPEHPK3PXP',
        at: new Date(T0),
      });
      assert.ok(account);
      accountId = account.id;
    });
    after(() => t.drop());

    const request = (submissionId: string, token: string) => ({
      submissionId,
      versionNumber: 1,
      readerName: 'Paul Lecteur',
      readerEmail: 'paul@exemple.fr',
      dueOn: '2026-04-01',
      note: 'Merci !',
      askedBy: accountId,
      tokenHash: sha256(token),
    });

    it('store a request by its link’s hash and find it by that hash, by id and by submission', async () => {
      const submission = await s.submissions.recordSubmission(newSubmission(call.id));
      const created = await reviews.create(request(submission.id, 'lien 1'));
      assert.deepEqual(
        { ...created, id: undefined },
        {
          id: undefined,
          submissionId: submission.id,
          versionNumber: 1,
          readerName: 'Paul Lecteur',
          readerEmail: 'paul@exemple.fr',
          dueOn: '2026-04-01',
          note: 'Merci !',
          state: 'invited',
          askedAt: T0,
          askedBy: accountId,
          recommendation: null,
          forAuthors: null,
          forCommittee: null,
          answeredAt: null,
          sharedAt: null,
        },
      );
      assert.deepEqual(await reviews.findByTokenHash(sha256('lien 1')), created);
      assert.deepEqual(await reviews.findById(created.id), created);
      assert.deepEqual(await reviews.listForSubmission(submission.id), [created]);
      assert.equal(await reviews.findByTokenHash(sha256('autre lien')), null);
      assert.equal(await reviews.findByTokenHash('pas-un-hash'), null);
      await assert.rejects(reviews.create(request(submission.id, 'lien 1')), 'a link hash is unique');
      assert.equal((await reviews.listForSubmission(submission.id)).length, 1, 'the second was not written');
      await assert.rejects(
        reviews.create({ ...request(submission.id, 'lien 2'), tokenHash: 'court' }),
        RangeError,
      );
    });

    it('record an opinion only from the states allowed, and keep it when the request is cancelled', async () => {
      const submission = await s.submissions.recordSubmission(newSubmission(call.id, { title: 'Avis' }));
      const created = await reviews.create(request(submission.id, 'lien 3'));
      const opinion = {
        recommendation: 'revisions' as const,
        forAuthors: 'À reprendre.',
        forCommittee: null,
      };
      assert.equal(await reviews.answer(created.id, ['submitted'], 'submitted', opinion), false);
      assert.equal(await reviews.answer(created.id, ['invited'], 'submitted', opinion), true);
      const given = await reviews.findById(created.id);
      assert.equal(given?.state, 'submitted');
      assert.equal(given?.recommendation, 'revisions');
      assert.equal(given?.forAuthors, 'À reprendre.');
      assert.equal(given?.answeredAt, T0);
      assert.equal(
        await reviews.answer(created.id, ['invited'], 'declined'),
        false,
        'no decline after an opinion',
      );
      assert.equal(await reviews.answer(created.id, ['invited', 'submitted'], 'cancelled'), true);
      const cancelled = await reviews.findById(created.id);
      assert.equal(cancelled?.state, 'cancelled');
      assert.equal(cancelled?.forAuthors, 'À reprendre.', 'the opinion stays on record');
      assert.equal(await reviews.answer(created.id, [], 'cancelled'), false);
    });

    it('mark as passed on to the author only the opinions given, once', async () => {
      const submission = await s.submissions.recordSubmission(newSubmission(call.id, { title: 'Transmis' }));
      const given = await reviews.create(request(submission.id, 'lien 8'));
      const waiting = await reviews.create(request(submission.id, 'lien 9'));
      const opinion = { recommendation: 'accept' as const, forAuthors: 'Bien.', forCommittee: null };
      await reviews.answer(given.id, ['invited'], 'submitted', opinion);
      assert.equal(await reviews.share([given.id, waiting.id]), 1, 'an awaited opinion is not passed on');
      assert.equal((await reviews.findById(given.id))?.sharedAt, T0);
      assert.equal((await reviews.findById(waiting.id))?.sharedAt, null);
      assert.equal(await reviews.share([given.id]), 0, 'once');
      assert.equal(await reviews.share([]), 0);
    });

    it('give a waiting request a new link; the old one no longer finds it', async () => {
      const submission = await s.submissions.recordSubmission(newSubmission(call.id, { title: 'Rappel' }));
      const created = await reviews.create(request(submission.id, 'lien 5'));
      assert.equal(await reviews.replaceLink(created.id, sha256('lien 6')), true);
      assert.equal(await reviews.findByTokenHash(sha256('lien 5')), null);
      assert.equal((await reviews.findByTokenHash(sha256('lien 6')))?.id, created.id);
      await reviews.answer(created.id, ['invited'], 'declined');
      assert.equal(await reviews.replaceLink(created.id, sha256('lien 7')), false, 'only while awaited');
      await assert.rejects(reviews.replaceLink(created.id, 'court'), RangeError);
    });

    it('tally the standing requests and the opinions of a call’s submissions', async () => {
      const other = await s.calls.saveCall('relectures-autre', { journal: 'Sociographe' });
      const mine = await s.calls.saveCall('relectures-compte', { journal: 'Sociographe' });
      const counted = await s.submissions.recordSubmission(newSubmission(mine.id, { title: 'Comptée' }));
      const elsewhere = await s.submissions.recordSubmission(newSubmission(other.id, { title: 'Ailleurs' }));
      const a = await reviews.create(request(counted.id, 'compte 1'));
      await reviews.create(request(counted.id, 'compte 2'));
      const c = await reviews.create(request(counted.id, 'compte 3'));
      await reviews.create(request(elsewhere.id, 'compte 4'));
      await reviews.answer(a.id, ['invited'], 'submitted', {
        recommendation: 'accept',
        forAuthors: 'Oui.',
        forCommittee: null,
      });
      await reviews.answer(c.id, ['invited'], 'declined');
      assert.deepEqual([...(await reviews.tallyForCall(mine.id))], [[counted.id, { standing: 2, given: 1 }]]);
    });

    it('refuse an opinion state without its recommendation (the table’s own check)', async () => {
      const submission = await s.submissions.recordSubmission(newSubmission(call.id, { title: 'Vide' }));
      const created = await reviews.create(request(submission.id, 'lien 4'));
      await assert.rejects(reviews.answer(created.id, ['invited'], 'submitted'));
      assert.equal((await reviews.findById(created.id))?.state, 'invited');
    });
  });
}
