import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { claimDue } from '../../../src/adapters/db/repositories/outbox.js';
import { withTransaction } from '../../../src/adapters/db/transaction.js';
import type { MakeDatabase, TestDatabase } from './databases.js';
import { RETRY, storesFor, T0 } from './fixtures.js';

/**
 * PostgreSQL only: a claimer passes over rows another transaction holds, without waiting.
 * (If the claim did not SKIP LOCKED, the second claim would wait for the first transaction,
 * which waits for it: this test would hang instead of passing.)
 */
export function skipLockedSuite(makeDb: MakeDatabase): void {
  describe('outbox on PostgreSQL', () => {
    let t: TestDatabase;
    before(async () => {
      t = await makeDb();
    });
    after(() => t.drop());

    it('skip the rows another open transaction has locked', async () => {
      const s = await storesFor(t.handle);
      for (let i = 0; i < 4; i++) await s.outbox.enqueue({ kind: 'k', payload: { i } });
      const peer = await t.openPeer();
      const [held, free] = await withTransaction(t.handle.db, async (trx) => {
        const mine = await claimDue(trx, 'postgres', { worker: 'a', limit: 2 }, RETRY, T0);
        const theirs = await claimDue(peer.db, 'postgres', { worker: 'b', limit: 10 }, RETRY, T0);
        return [mine, theirs];
      });
      assert.equal(held.length, 2);
      assert.equal(free.length, 2);
      assert.equal(new Set([...held, ...free].map((j) => j.id)).size, 4);
    });
  });
}
