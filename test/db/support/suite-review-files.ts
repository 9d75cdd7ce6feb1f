import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { KyselyFileReferences } from '../../../src/adapters/db/kysely-file-references.js';
import { KyselyAccountStore } from '../../../src/adapters/db/repositories/accounts.js';
import { KyselyReviewFileStore } from '../../../src/adapters/db/repositories/review-files.js';
import { KyselyReviewStore } from '../../../src/adapters/db/repositories/reviews.js';
import type { CallRecord } from '../../../src/ports/call-store.js';
import { randomIds } from '../../../src/ports/id-generator.js';
import type { NewReviewFile } from '../../../src/ports/review-files.js';
import type { ReviewRecord } from '../../../src/ports/reviews.js';
import type { MakeDatabase, TestDatabase } from './databases.js';
import { newSubmission, sha256, storesFor, T0 } from './fixtures.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The files readers send with their opinions, on each dialect with the real migrations. */
export function reviewFilesSuite(makeDb: MakeDatabase): void {
  describe('review files', () => {
    let t: TestDatabase;
    let s: Awaited<ReturnType<typeof storesFor>>;
    let files: KyselyReviewFileStore;
    let reviews: KyselyReviewStore;
    let call: CallRecord;
    let accountId: string;
    before(async () => {
      t = await makeDb();
      s = await storesFor(t.handle);
      files = new KyselyReviewFileStore(t.handle.db, s.clock, randomIds);
      reviews = new KyselyReviewStore(t.handle.db, s.clock, randomIds);
      call = await s.calls.saveCall('fichiers-lecteurs', { journal: 'Sociographe' });
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

    let links = 0;
    /** A submission of the call and a review of it. */
    const reviewOf = async (submissionId?: string): Promise<ReviewRecord> => {
      const id = submissionId ?? (await s.submissions.recordSubmission(newSubmission(call.id))).id;
      return reviews.create({
        submissionId: id,
        versionNumber: 1,
        readerName: 'Paul Lecteur',
        readerEmail: 'paul@exemple.fr',
        dueOn: null,
        note: null,
        askedBy: accountId,
        tokenHash: sha256(`lien ${++links}`),
      });
    };

    /** A reader's file: `content` as sent, and a copy of it when `copy` is true. */
    const file = (review: ReviewRecord, content: string, copy: boolean): NewReviewFile => ({
      reviewId: review.id,
      submissionId: review.submissionId,
      fileSha256: sha256(content),
      fileName: `${content}.docx`,
      byteSize: content.length,
      mediaType: DOCX,
      anonymised: copy
        ? { sha256: sha256(`${content} anonyme`), byteSize: content.length + 7, mediaType: DOCX }
        : null,
    });

    it('keep a file with or without its copy, list them per submission in order, and name both hashes', async () => {
      const review = await reviewOf();
      const otherReview = await reviewOf();
      const withCopy = await files.add(file(review, 'annotations', true));
      assert.deepEqual(
        { ...withCopy, id: undefined },
        {
          id: undefined,
          reviewId: review.id,
          submissionId: review.submissionId,
          fileSha256: sha256('annotations'),
          fileName: 'annotations.docx',
          byteSize: 'annotations'.length,
          mediaType: DOCX,
          anonymised: { sha256: sha256('annotations anonyme'), byteSize: 'annotations'.length + 7 },
          addedAt: T0,
          sharedAt: null,
        },
      );
      s.clock.advance(1000);
      const pdf = await files.add({ ...file(review, 'remarques', false), mediaType: 'application/pdf' });
      assert.equal(pdf.anonymised, null);
      assert.equal(pdf.sharedAt, null);
      await files.add(file(otherReview, 'ailleurs', true));

      assert.deepEqual(await files.listForSubmission(review.submissionId), [withCopy, pdf]);
      assert.deepEqual(
        (await files.listForSubmission(otherReview.submissionId)).map((f) => f.fileName),
        ['ailleurs.docx'],
      );
      assert.deepEqual(await files.listForSubmission('inconnue'), []);

      const recorded = await t.handle.db
        .selectFrom('files')
        .select(['sha256', 'byte_size', 'media_type'])
        .where('sha256', 'in', [sha256('annotations'), sha256('annotations anonyme'), sha256('remarques')])
        .execute();
      assert.deepEqual(
        recorded
          .map((r) => [r.sha256, Number(r.byte_size), r.media_type])
          .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
        [
          [sha256('annotations'), 'annotations'.length, DOCX],
          [sha256('annotations anonyme'), 'annotations'.length + 7, DOCX],
          [sha256('remarques'), 'remarques'.length, 'application/pdf'],
        ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      );

      const references = new KyselyFileReferences(t.handle.db);
      const named = await references.referenced([
        sha256('annotations'),
        sha256('annotations anonyme'),
        sha256('remarques'),
        sha256('nulle part'),
      ]);
      assert.deepEqual(
        [...named].sort(),
        [sha256('annotations'), sha256('annotations anonyme'), sha256('remarques')].sort(),
      );
    });

    it('share the copies of the listed reviews’ files once, and only those', async () => {
      const first = await reviewOf();
      const second = await reviewOf(first.submissionId);
      const notListed = await reviewOf(first.submissionId);
      const a = await files.add(file(first, 'partage-a', true));
      const b = await files.add(file(first, 'partage-b', false));
      const c = await files.add(file(second, 'partage-c', true));
      const d = await files.add(file(notListed, 'partage-d', true));

      assert.equal(await files.share([]), 0);
      s.clock.advance(60_000);
      const sharedAt = s.clock.now().toISOString();
      assert.equal(await files.share([first.id]), 1);
      const byId = async () =>
        new Map((await files.listForSubmission(first.submissionId)).map((f) => [f.id, f.sharedAt]));
      assert.deepEqual(
        [...(await byId())].sort(),
        [
          [a.id, sharedAt],
          [b.id, null],
          [c.id, null],
          [d.id, null],
        ].sort(),
      );

      s.clock.advance(60_000);
      const later = s.clock.now().toISOString();
      assert.equal(await files.share([first.id, second.id]), 1, 'only c was not shared yet');
      s.clock.advance(60_000);
      assert.equal(await files.share([first.id, second.id]), 0, 'nothing left to share');
      assert.equal(await files.share(['inconnue']), 0);
      assert.deepEqual(
        [...(await byId())].sort(),
        [
          [a.id, sharedAt],
          [b.id, null],
          [c.id, later],
          [d.id, null],
        ].sort(),
      );
    });

    it('refuse a file of a review that does not exist, writing nothing', async () => {
      const review = await reviewOf();
      await assert.rejects(files.add({ ...file(review, 'orpheline', true), reviewId: 'inconnue' }));
      const rows = await t.handle.db
        .selectFrom('files')
        .select('sha256')
        .where('sha256', 'in', [sha256('orpheline'), sha256('orpheline anonyme')])
        .execute();
      assert.equal(rows.length, 0, 'the file rows went back with the review file');
    });

    it('refuse, in the database itself, a copy without its size or a shared file without a copy', async () => {
      const review = await reviewOf();
      const kept = await files.add(file(review, 'controle', true));
      const row = {
        review_id: review.id,
        submission_id: review.submissionId,
        file_sha256: kept.fileSha256,
        file_name: 'controle.docx',
        byte_size: 10,
        added_at: T0,
      };
      await assert.rejects(
        t.handle.db
          .insertInto('review_files')
          .values({
            ...row,
            id: 'sans-taille',
            anonymised_sha256: kept.anonymised?.sha256 ?? null,
            anonymised_byte_size: null,
            shared_at: null,
          })
          .execute(),
        /review_files_anonymised_complete/,
      );
      await assert.rejects(
        t.handle.db
          .insertInto('review_files')
          .values({
            ...row,
            id: 'partage-sans-copie',
            anonymised_sha256: null,
            anonymised_byte_size: null,
            shared_at: T0,
          })
          .execute(),
        /review_files_shared_copy/,
      );
      assert.deepEqual(
        (await files.listForSubmission(review.submissionId)).map((f) => f.id),
        [kept.id],
      );
    });
  });
}
