import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { KyselyAuthorLinkStore } from '../../../src/adapters/db/repositories/author-links.js';
import { AppError } from '../../../src/domain/shared/errors.js';
import { finding } from '../../../src/domain/shared/finding.js';
import type { CallRecord } from '../../../src/ports/call-store.js';
import type { MakeDatabase, TestDatabase } from './databases.js';
import { newSubmission, sha256, storesFor, T0 } from './fixtures.js';

const isCode = (code: string) => (e: unknown) => e instanceof AppError && e.code === code;

/** Authors' private links and the details an author completes through one. */
export function authorLinkSuite(makeDb: MakeDatabase): void {
  describe('author links', () => {
    let t: TestDatabase;
    let s: Awaited<ReturnType<typeof storesFor>>;
    let links: KyselyAuthorLinkStore;
    let call: CallRecord;
    before(async () => {
      t = await makeDb();
      s = await storesFor(t.handle);
      links = new KyselyAuthorLinkStore(t.handle.db, s.clock);
      call = await s.calls.saveCall('liens', { journal: 'Sociographe' });
    });
    after(() => t.drop());

    it('store a link by its hash, find it, and never find it again once revoked', async () => {
      const submission = await s.submissions.recordSubmission(newSubmission(call.id));
      const tokenHash = sha256('jeton secret 1');
      const created = await links.create({ tokenHash, submissionId: submission.id });
      assert.deepEqual(created, { tokenHash, submissionId: submission.id, createdAt: T0, revokedAt: null });
      assert.deepEqual(await links.findLive(tokenHash), created);
      assert.deepEqual(await links.listForSubmission(submission.id), [created]);
      assert.equal(await links.findLive(sha256('autre jeton')), null);
      assert.equal(await links.findLive('pas-un-hash'), null);
      await assert.rejects(
        links.create({ tokenHash, submissionId: submission.id }),
        isCode('SUBMISSION_DUPLICATE'),
      );
      assert.equal(await links.revoke(tokenHash), true);
      assert.equal(await links.revoke(tokenHash), false);
      assert.equal(await links.findLive(tokenHash), null);
      assert.deepEqual(await links.listForSubmission(submission.id), []);
    });

    it('find the submissions of a contact address, in any case, most recent first, this call only', async () => {
      const mine = await s.calls.saveCall('liens-contact', { journal: 'Sociographe' });
      const other = await s.calls.saveCall('liens-autre', { journal: 'Sociographe' });
      const older = await s.submissions.recordSubmission(
        newSubmission(mine.id, { title: 'Première', receivedAt: new Date('2026-03-01T08:00:00Z') }),
      );
      const newer = await s.submissions.recordSubmission(
        newSubmission(mine.id, { title: 'Seconde', receivedAt: new Date('2026-03-02T08:00:00Z') }),
      );
      await s.submissions.recordSubmission(newSubmission(other.id, { title: 'Autre appel' }));
      // The same address on a co-author who is not the contact finds nothing.
      const coAuthor = newSubmission(mine.id, { title: 'Co-autrice' });
      coAuthor.authors = [
        { givenName: 'Paul', surname: 'Mercier', email: 'paul@exemple.fr', isContact: true },
        { givenName: 'Éloïse', surname: 'Dupré', email: 'eloise.dupre@exemple.fr', isContact: false },
      ];
      await s.submissions.recordSubmission(coAuthor);

      const found = await links.findForContact(mine.id, '  Eloise.DUPRE@Exemple.FR ', 10);
      assert.deepEqual(
        found.map((f) => f.submissionId),
        [newer.id, older.id],
      );
      assert.deepEqual(found[0], {
        submissionId: newer.id,
        title: 'Seconde',
        receivedAt: '2026-03-02T08:00:00.000Z',
        contactEmail: 'eloise.dupre@exemple.fr',
        givenName: 'Éloïse',
        surname: 'Dupré',
      });
      assert.deepEqual(
        (await links.findForContact(mine.id, 'eloise.dupre@exemple.fr', 1)).map((f) => f.submissionId),
        [newer.id],
      );
      assert.deepEqual(await links.findForContact(mine.id, 'personne@exemple.fr', 10), []);
      assert.deepEqual(await links.findForContact(mine.id, '%', 10), [], 'no pattern matching');
    });

    it('refuse a link to a submission that does not exist', async () => {
      await assert.rejects(links.create({ tokenHash: sha256('orphelin'), submissionId: 'nulle-part' }));
    });

    it('record contact details on the contact, move the contact flag, replace the submission findings', async () => {
      const submission = await s.submissions.recordSubmission(newSubmission(call.id));
      const second = submission.authors[1]?.id as string;
      await links.recordContactDetails({
        submissionId: submission.id,
        contactAuthorId: second,
        contactEmail: 'jf.lafontaine@exemple.fr',
        phone: '06 12 34 56 78',
        postalAddress: '3 place du Marché, 30000 Nîmes',
        findings: [finding('contact.phone_ok', 'info', { fr: 'Numéro valide.', en: 'Valid number.' })],
      });
      const after = await s.submissions.findById(submission.id);
      assert.ok(after);
      assert.equal(after.version, submission.version + 1);
      assert.equal(after.contactAuthorId, second);
      assert.deepEqual(
        after.authors.map((a) => [a.surname, a.isContact, a.email ?? null, a.phone ?? null]),
        [
          ['Dupré', false, 'eloise.dupre@exemple.fr', '+262 692 12 34 56'],
          ['de La Fontaine', true, 'jf.lafontaine@exemple.fr', '06 12 34 56 78'],
        ],
      );
      // The version's own findings stay; the submission's are replaced.
      assert.deepEqual(
        after.findings.map((f) => [f.code, f.versionId === null]),
        [
          ['LENGTH_OK', false],
          ['contact.phone_ok', true],
        ],
      );
    });

    it('refuse to make someone of another submission the contact, changing nothing', async () => {
      const one = await s.submissions.recordSubmission(newSubmission(call.id));
      const other = await s.submissions.recordSubmission(newSubmission(call.id));
      await assert.rejects(
        links.recordContactDetails({
          submissionId: one.id,
          contactAuthorId: other.authors[0]?.id as string,
          findings: [],
        }),
      );
      assert.equal((await s.submissions.findById(one.id))?.version, one.version);
    });
  });
}
