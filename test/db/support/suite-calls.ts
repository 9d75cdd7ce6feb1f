import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { MakeDatabase, TestDatabase } from './databases.js';
import { storesFor } from './fixtures.js';

/** The calls table: every write raises the revision, and replaceCall writes only over the one it was given. */
export function callSuite(makeDb: MakeDatabase): void {
  describe('calls', () => {
    let t: TestDatabase;
    let s: Awaited<ReturnType<typeof storesFor>>;
    before(async () => {
      t = await makeDb();
      s = await storesFor(t.handle);
    });
    after(() => t.drop());

    it('start at revision 0, and raise it when the call is saved again', async () => {
      const first = await s.calls.saveCall('revisions', { journal: 'Sociographe' });
      assert.equal(first.revision, 0);
      const again = await s.calls.saveCall('revisions', { journal: 'Sociographe', n: 81 });
      assert.equal(again.id, first.id);
      assert.equal(again.revision, 1);
    });

    it('replace the data over the revision read, and refuse a stale one without writing', async () => {
      const call = await s.calls.saveCall('cas', { journal: 'Sociographe' });
      const replaced = await s.calls.replaceCall(call.id, { journal: 'Sociographe', v: 1 }, call.revision);
      assert.deepEqual(replaced?.data, { journal: 'Sociographe', v: 1 });
      assert.equal(replaced?.revision, call.revision + 1);
      assert.equal(await s.calls.replaceCall(call.id, { journal: 'Sociographe', v: 2 }, call.revision), null);
      assert.deepEqual((await s.calls.findCallById(call.id))?.data, { journal: 'Sociographe', v: 1 });
      assert.equal(await s.calls.replaceCall('aucun', { journal: 'Sociographe' }, 0), null);
    });

    it('create a call only when none has its slug, and leave an existing one untouched', async () => {
      const created = await s.calls.createCall('creation', { journal: 'Sociographe' });
      assert.equal(created?.revision, 0);
      assert.equal(await s.calls.createCall('creation', { journal: 'Autre' }), null);
      assert.deepEqual(await s.calls.findCallBySlug('creation'), created);
    });

    it('let one of two connections creating the same call win, never both', async () => {
      const peer = await storesFor(await t.openPeer());
      const results = await Promise.all([
        s.calls.createCall('premier', { journal: 'Sociographe', by: 'a' }),
        peer.calls.createCall('premier', { journal: 'Sociographe', by: 'b' }),
      ]);
      const winners = results.filter((r) => r !== null);
      assert.equal(winners.length, 1);
      assert.deepEqual(await s.calls.findCallBySlug('premier'), winners[0]);
    });

    it('let one of two connections replacing from the same revision win, never both', async () => {
      const call = await s.calls.saveCall('course', { journal: 'Sociographe' });
      const peer = await storesFor(await t.openPeer());
      const results = await Promise.all([
        s.calls.replaceCall(call.id, { journal: 'Sociographe', by: 'a' }, call.revision),
        peer.calls.replaceCall(call.id, { journal: 'Sociographe', by: 'b' }, call.revision),
      ]);
      const winners = results.filter((r) => r !== null);
      assert.equal(winners.length, 1);
      assert.deepEqual((await s.calls.findCallById(call.id))?.data, winners[0]?.data);
    });
  });
}
