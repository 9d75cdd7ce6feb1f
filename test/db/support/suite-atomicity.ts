import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { recordSubmission } from '../../../src/adapters/db/repositories/record-submission.js';
import { withTransaction } from '../../../src/adapters/db/transaction.js';
import { AppError } from '../../../src/domain/shared/errors.js';
import type { CallRecord } from '../../../src/ports/call-store.js';
import { randomIds } from '../../../src/ports/id-generator.js';
import type { MakeDatabase, TestDatabase } from './databases.js';
import { countRows, newSubmission, sha256, storesFor, T0 } from './fixtures.js';

function hasCode(code: string) {
  return (e: unknown) => e instanceof AppError && e.code === code;
}

export function atomicitySuite(makeDb: MakeDatabase): void {
  describe('one transaction per submission', () => {
    let t: TestDatabase;
    let s: Awaited<ReturnType<typeof storesFor>>;
    let call: CallRecord;
    before(async () => {
      t = await makeDb();
      s = await storesFor(t.handle);
      call = await s.calls.saveCall('atomique', { journal: 'Sociographe' });
    });
    after(() => t.drop());

    it('refuse a second sending with the same idempotency key, and write nothing for it', async () => {
      await s.submissions.recordSubmission(newSubmission(call.id, { idempotencyKey: 'same@exemple.fr' }));
      const counts = await countRows(t.handle);
      const again = newSubmission(call.id, {
        idempotencyKey: 'same@exemple.fr',
        outbox: [{ kind: 'receipt', payload: {}, dedupeKey: 'receipt:second' }],
      });
      await assert.rejects(s.submissions.recordSubmission(again), hasCode('SUBMISSION_DUPLICATE'));
      assert.deepEqual(await countRows(t.handle), counts);
    });

    it('accept the same idempotency key in another call', async () => {
      const other = await s.calls.saveCall('atomique-2', { journal: 'Sociographe' });
      const rec = await s.submissions.recordSubmission(
        newSubmission(other.id, { idempotencyKey: 'same@exemple.fr' }),
      );
      assert.equal(rec.callId, other.id);
    });

    it('roll everything back when the last step (the outbox) fails', async () => {
      await s.submissions.recordSubmission(
        newSubmission(call.id, { outbox: [{ kind: 'receipt', payload: {}, dedupeKey: 'receipt:taken' }] }),
      );
      const counts = await countRows(t.handle);
      const input = newSubmission(call.id, {
        version: { ...newSubmission(call.id).version, fileSha256: sha256('jamais stocké') },
        outbox: [{ kind: 'receipt', payload: {}, dedupeKey: 'receipt:taken' }],
      });
      await assert.rejects(s.submissions.recordSubmission(input), hasCode('OUTBOX_DUPLICATE'));
      assert.deepEqual(await countRows(t.handle), counts);
      assert.equal(await s.submissions.findByIdempotencyKey(call.id, input.idempotencyKey), null);
    });

    it('roll everything back, outbox included, when the enclosing unit of work throws', async () => {
      const counts = await countRows(t.handle);
      const input = newSubmission(call.id);
      await assert.rejects(
        withTransaction(t.handle.db, async (trx) => {
          const rec = await recordSubmission(trx, randomIds, input, T0);
          assert.equal(rec.authors.length, 2); // written, visible inside the transaction…
          throw new Error('panne simulée après l’écriture');
        }),
        /panne simulée/,
      );
      assert.deepEqual(await countRows(t.handle), counts); // …and gone after the rollback
    });

    it('refuse a version whose file hash is not a SHA-256, and keep nothing', async () => {
      const counts = await countRows(t.handle);
      const bad = newSubmission(call.id);
      bad.version = { ...bad.version, fileSha256: 'abc' };
      await assert.rejects(s.submissions.recordSubmission(bad));
      assert.deepEqual(await countRows(t.handle), counts);
    });

    it('keep what the detail of an event may hold free of personal data', async () => {
      const counts = await countRows(t.handle);
      const bad = newSubmission(call.id, {
        event: {
          actor: { kind: 'system' },
          channel: 'email',
          action: 'received',
          detail: { telephone: '0612345678' },
        },
      });
      await assert.rejects(
        s.submissions.recordSubmission(bad),
        (e: Error) => !e.message.includes('0612345678'),
      );
      assert.deepEqual(await countRows(t.handle), counts);
    });
  });
}
