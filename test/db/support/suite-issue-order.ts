import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { KyselyIssueOrderStore } from '../../../src/adapters/db/repositories/issue-order.js';
import type { MakeDatabase, TestDatabase } from './databases.js';
import { newSubmission, storesFor } from './fixtures.js';

/** The order of the texts in an issue, on each dialect with the real migrations. */
export function issueOrderSuite(makeDb: MakeDatabase): void {
  describe('issue order', () => {
    let t: TestDatabase;
    let s: Awaited<ReturnType<typeof storesFor>>;
    let order: KyselyIssueOrderStore;
    before(async () => {
      t = await makeDb();
      s = await storesFor(t.handle);
      order = new KyselyIssueOrderStore(t.handle.db, s.clock);
    });
    after(() => t.drop());

    it('replace a call’s order as a whole, and keep other calls’ orders apart', async () => {
      const mine = await s.calls.saveCall('ordre', { journal: 'Sociographe' });
      const other = await s.calls.saveCall('ordre-autre', { journal: 'Sociographe' });
      const [a, b, c] = await Promise.all(
        ['A', 'B', 'C'].map((title) => s.submissions.recordSubmission(newSubmission(mine.id, { title }))),
      );
      const elsewhere = await s.submissions.recordSubmission(newSubmission(other.id, { title: 'D' }));
      assert.ok(a && b && c);
      assert.deepEqual([...(await order.positions(mine.id))], []);
      await order.replace(mine.id, [b.id, a.id, c.id]);
      await order.replace(other.id, [elsewhere.id]);
      assert.deepEqual(
        [...(await order.positions(mine.id))].sort((x, y) => x[1] - y[1]),
        [
          [b.id, 1],
          [a.id, 2],
          [c.id, 3],
        ],
      );
      await order.replace(mine.id, [c.id, b.id]);
      assert.deepEqual(
        [...(await order.positions(mine.id))].sort((x, y) => x[1] - y[1]),
        [
          [c.id, 1],
          [b.id, 2],
        ],
      );
      assert.deepEqual([...(await order.positions(other.id))], [[elsewhere.id, 1]]);
      await order.replace(mine.id, []);
      assert.equal((await order.positions(mine.id)).size, 0);
    });
  });
}
