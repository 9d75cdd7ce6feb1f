import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { KyselyFileReferences } from '../../../src/adapters/db/kysely-file-references.js';
import { KyselyContractDocumentStore } from '../../../src/adapters/db/repositories/contract-documents.js';
import type { NewContractDocument } from '../../../src/ports/contract-documents.js';
import { randomIds } from '../../../src/ports/id-generator.js';
import type { MakeDatabase, TestDatabase } from './databases.js';
import { newSubmission, sha256, storesFor } from './fixtures.js';

/** The publishing contract's files, on each dialect with the real migrations. */
export function contractDocumentsSuite(makeDb: MakeDatabase): void {
  describe('contract documents', () => {
    let t: TestDatabase;
    let s: Awaited<ReturnType<typeof storesFor>>;
    let documents: KyselyContractDocumentStore;
    before(async () => {
      t = await makeDb();
      s = await storesFor(t.handle);
      documents = new KyselyContractDocumentStore(t.handle.db, s.clock, randomIds);
    });
    after(() => t.drop());

    const file = (
      submissionId: string,
      kind: 'contract' | 'signed',
      content: string,
    ): NewContractDocument => ({
      submissionId,
      kind,
      fileSha256: sha256(content),
      fileName: `${content}.pdf`,
      byteSize: content.length,
      mediaType: 'application/pdf',
      addedBy: kind === 'contract' ? { kind: 'coordinator', id: null } : { kind: 'author', id: null },
    });

    it('keep each file in order, list it per submission, and name it so that no sweep takes it', async () => {
      const call = await s.calls.saveCall('contrats', { journal: 'Sociographe' });
      const mine = await s.submissions.recordSubmission(newSubmission(call.id, { title: 'A' }));
      const other = await s.submissions.recordSubmission(newSubmission(call.id, { title: 'B' }));
      const contract = await documents.add(file(mine.id, 'contract', 'contrat-v1'));
      s.clock.advance(1000);
      const replaced = await documents.add(file(mine.id, 'contract', 'contrat-v2'));
      s.clock.advance(1000);
      const signed = await documents.add(file(mine.id, 'signed', 'page-1'));
      s.clock.advance(1000);
      await documents.add(file(mine.id, 'signed', 'page-2'));
      await documents.add(file(other.id, 'signed', 'autre'));
      const listed = await documents.listForSubmission(mine.id);
      assert.deepEqual(
        listed.map((d) => [d.kind, d.fileName]),
        [
          ['contract', 'contrat-v1.pdf'],
          ['contract', 'contrat-v2.pdf'],
          ['signed', 'page-1.pdf'],
          ['signed', 'page-2.pdf'],
        ],
      );
      assert.deepEqual(listed[0], contract);
      assert.equal(replaced.addedBy.kind, 'coordinator');
      assert.deepEqual(signed.addedBy, { kind: 'author', id: null });
      assert.equal(signed.byteSize, 'page-1'.length);
      assert.deepEqual(
        [...(await documents.signedCopiesForCall(call.id))].sort(),
        [
          [mine.id, 2],
          [other.id, 1],
        ].sort(),
      );
      const references = new KyselyFileReferences(t.handle.db);
      const named = await references.referenced([sha256('page-1'), sha256('contrat-v1'), sha256('ailleurs')]);
      assert.deepEqual([...named].sort(), [sha256('contrat-v1'), sha256('page-1')].sort());
    });

    it('keep the same bytes sent twice (the same scan, two submissions) as one file and two documents', async () => {
      const call = await s.calls.saveCall('contrats-2', { journal: 'Sociographe' });
      const a = await s.submissions.recordSubmission(newSubmission(call.id, { title: 'A' }));
      const b = await s.submissions.recordSubmission(newSubmission(call.id, { title: 'B' }));
      await documents.add(file(a.id, 'signed', 'meme-scan'));
      await documents.add(file(b.id, 'signed', 'meme-scan'));
      assert.equal((await documents.listForSubmission(a.id)).length, 1);
      assert.equal((await documents.listForSubmission(b.id)).length, 1);
      const rows = await t.handle.db
        .selectFrom('files')
        .select('sha256')
        .where('sha256', '=', sha256('meme-scan'))
        .execute();
      assert.equal(rows.length, 1);
    });

    it('refuse a file of another submission that does not exist, writing nothing', async () => {
      await assert.rejects(documents.add(file('inconnue', 'signed', 'orpheline')));
      const rows = await t.handle.db
        .selectFrom('files')
        .select('sha256')
        .where('sha256', '=', sha256('orpheline'))
        .execute();
      assert.equal(rows.length, 0, 'the file row went back with the document');
    });
  });
}
