import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CallRecord } from '../../../src/ports/call-store.js';
import type { MakeDatabase, TestDatabase } from './databases.js';
import { ANALYSIS, newSubmission, newVersion, sha256, storesFor } from './fixtures.js';

export function submissionSuite(makeDb: MakeDatabase): void {
  describe('submissions', () => {
    let t: TestDatabase;
    let s: Awaited<ReturnType<typeof storesFor>>;
    let call: CallRecord;
    before(async () => {
      t = await makeDb();
      s = await storesFor(t.handle);
      call = await s.calls.saveCall('sociographe-81', {
        journal: 'Sociographe',
        numéro: 81,
        thème: 'L’hospitalité',
      });
    });
    after(() => t.drop());

    it('record a submission with its authors, version, findings, event and receipt', async () => {
      const input = newSubmission(call.id);
      const rec = await s.submissions.recordSubmission(input);
      assert.equal(rec.status, 'received');
      assert.equal(rec.version, 1);
      assert.deepEqual(
        rec.authors.map((a) => [a.position, a.surname, a.isContact, a.requestedOrder]),
        [
          [1, 'Dupré', true, false],
          [2, 'de La Fontaine', false, true],
        ],
      );
      assert.equal(rec.contactAuthorId, rec.authors[0]?.id);
      assert.equal(rec.versions.length, 1);
      assert.equal(rec.versions[0]?.number, 1);
      assert.deepEqual(
        rec.findings.map((f) => [f.code, f.versionId === null]),
        [
          ['LENGTH_OK', false],
          ['PHONE_FOREIGN', true],
        ],
      );
      const events = await s.submissions.listEvents(rec.id);
      assert.deepEqual(
        events.map((e) => [e.action, e.fromStatus, e.toStatus]),
        [['submission.received', null, 'received']],
      );
      const jobs = await s.outbox.claimDue({ worker: 'w', limit: 50 });
      assert.ok(jobs.some((j) => j.dedupeKey === `receipt:${call.id}:${input.idempotencyKey}`));
    });

    it('give back French text exactly as written', async () => {
      const rec = await s.submissions.recordSubmission(newSubmission(call.id));
      const found = await s.submissions.findById(rec.id);
      assert.equal(found?.title, 'Travail social et hospitalité : « faire avec » l’imprévu');
      assert.equal(found?.authors[0]?.givenName, 'Éloïse');
      assert.equal(found?.authors[0]?.postalAddress, '12 rue des Fleurs, 97400 Saint-Denis');
      assert.equal(found?.versions[0]?.fileName, 'Manuscrit – Éloïse Dupré.docx');
      // finding() typesets French (no-break space before the colon); the store must keep it exactly.
      assert.equal(found?.findings[0]?.message.fr, 'Longueur\u00a0: 22 549 signes, dans la fourchette.');
      assert.deepEqual((await s.calls.findCallById(call.id))?.data, {
        journal: 'Sociographe',
        numéro: 81,
        thème: 'L’hospitalité',
      });
    });

    it('round-trip the analysis JSON and the findings data', async () => {
      const rec = await s.submissions.recordSubmission(newSubmission(call.id));
      const found = await s.submissions.findById(rec.id);
      assert.deepEqual(found?.versions[0]?.analysis, ANALYSIS);
      assert.deepEqual(found?.findings[0]?.data, { signes: 22_549, min: 5000, max: 30_000 });
      assert.deepEqual(found?.findings[1]?.fix, { fr: 'Vérifiez l’indicatif.', en: 'Check the prefix.' });
      assert.equal(found?.versions[0]?.signesTotal, 22_549);
      assert.equal(found?.receivedAt, '2026-03-01T08:59:00.000Z');
    });

    it('find a submission by its idempotency key, within its call only', async () => {
      const rec = await s.submissions.recordSubmission(
        newSubmission(call.id, { idempotencyKey: 'message-id-42@exemple.fr' }),
      );
      assert.equal(
        (await s.submissions.findByIdempotencyKey(call.id, 'message-id-42@exemple.fr'))?.id,
        rec.id,
      );
      const other = await s.calls.saveCall('autre-appel', { journal: 'Autre' });
      assert.equal(await s.submissions.findByIdempotencyKey(other.id, 'message-id-42@exemple.fr'), null);
      assert.equal(await s.submissions.findById('inconnu'), null);
    });

    it('list a call’s submissions with filters, oldest first', async () => {
      const c = await s.calls.saveCall('liste', { journal: 'Liste' });
      const at = (iso: string) => new Date(iso);
      await s.submissions.recordSubmission(
        newSubmission(c.id, { receivedAt: at('2026-02-03T10:00:00Z'), channel: 'web' }),
      );
      await s.submissions.recordSubmission(newSubmission(c.id, { receivedAt: at('2026-02-01T10:00:00Z') }));
      await s.submissions.recordSubmission(
        newSubmission(c.id, { receivedAt: at('2026-03-02T00:30:00Z'), late: true, status: 'late' }),
      );
      const all = await s.submissions.listByCall(c.id);
      assert.deepEqual(
        all.map((x) => x.receivedAt.slice(0, 10)),
        ['2026-02-01', '2026-02-03', '2026-03-02'],
      );
      assert.equal((await s.submissions.listByCall(c.id, { late: true })).length, 1);
      assert.equal((await s.submissions.listByCall(c.id, { channel: 'web' })).length, 1);
      assert.equal((await s.submissions.listByCall(c.id, { status: ['received', 'late'] })).length, 3);
      const window = await s.submissions.listByCall(c.id, {
        receivedFrom: at('2026-02-02T00:00:00Z'),
        receivedBefore: at('2026-03-01T00:00:00Z'),
      });
      assert.deepEqual(
        window.map((x) => x.channel),
        ['web'],
      );
      const page = await s.submissions.listByCall(c.id, { limit: 1, offset: 1 });
      assert.equal(page[0]?.receivedAt, '2026-02-03T10:00:00.000Z');
      assert.deepEqual(await s.submissions.countByStatus(c.id), { received: 2, late: 1 });
    });

    it('number new versions after the last and move the version counter on', async () => {
      const rec = await s.submissions.recordSubmission(newSubmission(call.id));
      const v2 = await s.submissions.addVersion({
        submissionId: rec.id,
        version: newVersion({
          fileSha256: sha256('manuscrit v2'),
          analysis: null,
          signesTotal: null,
          format: 'pdf',
        }),
        event: { actor: { kind: 'author', id: rec.authors[0]?.id }, channel: 'web', action: 'version.added' },
      });
      assert.equal(v2.number, 2);
      assert.equal(v2.analysis, null);
      const found = await s.submissions.findById(rec.id);
      assert.deepEqual(
        found?.versions.map((v) => v.number),
        [1, 2],
      );
      assert.equal(found?.version, 2);
      const events = await s.submissions.listEvents(rec.id);
      assert.deepEqual(events.at(-1)?.detail, { versionNumber: 2 });
    });

    it('keep one file row when two versions share the same bytes', async () => {
      const a = await s.submissions.recordSubmission(newSubmission(call.id));
      await s.submissions.addVersion({
        submissionId: a.id,
        version: newVersion(),
        event: { actor: { kind: 'author' }, channel: 'email', action: 'version.added' },
      });
      const rows = await t.handle.db
        .selectFrom('files')
        .selectAll()
        .where('sha256', '=', sha256('manuscrit v1'))
        .execute();
      assert.equal(rows.length, 1);
    });
  });
}
