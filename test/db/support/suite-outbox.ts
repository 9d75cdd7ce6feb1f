import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { KyselyOutbox } from '../../../src/adapters/db/kysely-outbox.js';
import type { JsonObject } from '../../../src/ports/json.js';
import type { OutboxJob } from '../../../src/ports/outbox.js';
import type { MakeDatabase, TestDatabase } from './databases.js';
import { RETRY, storesFor } from './fixtures.js';

export function outboxSuite(makeDb: MakeDatabase): void {
  describe('outbox', () => {
    let t: TestDatabase;
    let s: Awaited<ReturnType<typeof storesFor>>;
    before(async () => {
      t = await makeDb();
      s = await storesFor(t.handle);
    });
    after(() => t.drop());
    // Each test starts with nothing due: earlier jobs are settled, never deleted.
    beforeEach(async () => {
      await t.handle.db.updateTable('outbox').set({ status: 'sent', locked_until: null }).execute();
    });

    it('claim a due job, lease it, and mark it sent', async () => {
      const { id } = await s.outbox.enqueue({
        kind: 'receipt',
        payload: { submissionId: 's-1', langue: 'français' },
      });
      const [job] = await s.outbox.claimDue({ worker: 'w1', leaseMs: 30_000 });
      assert.equal(job?.id, id);
      assert.equal(job?.status, 'sending');
      assert.equal(job?.attempts, 1);
      assert.equal(job?.lockedBy, 'w1');
      assert.equal(job?.lockedUntil, '2026-03-01T09:00:30.000Z');
      assert.deepEqual(job?.payload, { submissionId: 's-1', langue: 'français' });
      assert.deepEqual(await s.outbox.claimDue({ worker: 'w2' }), [], 'a leased job is not claimed twice');
      assert.equal(await s.outbox.markSent(id, 'w1'), true);
      const sent = await s.outbox.get(id);
      assert.equal(sent?.status, 'sent');
      assert.equal(sent?.sentAt, '2026-03-01T09:00:00.000Z');
    });

    it('wait for run_after, and claim the oldest first', async () => {
      const later = await s.outbox.enqueue({
        kind: 'reminder',
        payload: {},
        runAfter: new Date(s.clock.now().getTime() + 60_000),
      });
      const first = await s.outbox.enqueue({ kind: 'a', payload: {} });
      const second = await s.outbox.enqueue({ kind: 'b', payload: {} });
      assert.deepEqual(
        (await s.outbox.claimDue({ worker: 'w', limit: 10 })).map((j) => j.id),
        [first.id, second.id],
      );
      s.clock.advance(60_000);
      assert.deepEqual(
        (await s.outbox.claimDue({ worker: 'w' })).map((j) => j.id),
        [later.id],
      );
    });

    it('retry with exponential backoff, then give up and keep the row', async () => {
      const { id } = await s.outbox.enqueue({ kind: 'receipt', payload: {} });
      const delays: number[] = [];
      for (let attempt = 1; attempt <= RETRY.maxAttempts; attempt++) {
        const [job] = await s.outbox.claimDue({ worker: 'w' });
        assert.equal(job?.attempts, attempt);
        const outcome = await s.outbox.markFailed(id, 'w', `SMTP 451 (tentative ${attempt})`);
        const row = (await s.outbox.get(id)) as OutboxJob;
        if (attempt < RETRY.maxAttempts) {
          assert.equal(outcome, 'retry');
          const delay = Date.parse(row.runAfter) - s.clock.now().getTime();
          delays.push(delay);
          assert.deepEqual(await s.outbox.claimDue({ worker: 'w' }), [], 'not due before its backoff');
          s.clock.advance(delay);
        } else {
          assert.equal(outcome, 'failed');
          assert.equal(row.status, 'failed');
          assert.equal(row.lastError, `SMTP 451 (tentative ${attempt})`);
        }
      }
      assert.deepEqual(delays, [1000, 2000]);
      s.clock.advance(3600_000);
      assert.deepEqual(await s.outbox.claimDue({ worker: 'w' }), []);
      assert.ok(await s.outbox.get(id), 'failed jobs are never deleted');
    });

    it('take a job back when its worker’s lease ran out, and ignore the old worker', async () => {
      const { id } = await s.outbox.enqueue({ kind: 'letter', payload: {} });
      await s.outbox.claimDue({ worker: 'crashed', leaseMs: 10_000 });
      s.clock.advance(10_000);
      const [job] = await s.outbox.claimDue({ worker: 'rescuer' });
      assert.equal(job?.id, id);
      assert.equal(job?.attempts, 2);
      assert.equal(await s.outbox.markSent(id, 'crashed'), false);
      assert.equal(await s.outbox.markFailed(id, 'crashed', 'late'), 'not-held');
      assert.equal(await s.outbox.markSent(id, 'rescuer'), true);
    });

    it('give up on a job whose last attempt lost its lease', async () => {
      const { id } = await s.outbox.enqueue({ kind: 'letter', payload: {} });
      for (let i = 0; i < RETRY.maxAttempts; i++) {
        assert.equal((await s.outbox.claimDue({ worker: 'w', leaseMs: 1000 })).length, 1);
        s.clock.advance(1000);
      }
      assert.deepEqual(await s.outbox.claimDue({ worker: 'w' }), []);
      assert.equal((await s.outbox.get(id))?.status, 'failed');
    });

    it('queue a message once per dedupe key', async () => {
      const a = await s.outbox.enqueue({ kind: 'receipt', payload: { n: 1 }, dedupeKey: 'receipt:unique' });
      const b = await s.outbox.enqueue({ kind: 'receipt', payload: { n: 2 }, dedupeKey: 'receipt:unique' });
      assert.deepEqual([a.duplicate, b.duplicate, b.id], [false, true, a.id]);
      assert.deepEqual((await s.outbox.get(a.id))?.payload, { n: 1 });
    });

    it('rewrite sent payloads a batch at a time: only sent rows of the kind, only those changed, once', async () => {
      // The beforeEach marks every earlier job sent: this test's kind keeps them out.
      const kind = 'rewrite-test';
      const sent: number[] = [];
      for (let i = 0; i < 7; i++)
        sent.push((await s.outbox.enqueue({ kind, payload: { i, secret: i % 2 === 0 } })).id);
      await t.handle.db.updateTable('outbox').set({ status: 'sent' }).where('id', 'in', sent).execute();
      const pending = (await s.outbox.enqueue({ kind, payload: { i: 99, secret: true } })).id;
      const other = (await s.outbox.enqueue({ kind: 'rewrite-other', payload: { secret: true } })).id;
      await t.handle.db.updateTable('outbox').set({ status: 'sent' }).where('id', '=', other).execute();
      const seen: number[] = [];
      const hide = (payload: JsonObject) => {
        seen.push(payload.i as number);
        return payload.secret === true ? { ...payload, secret: 'retiré' } : null;
      };
      const options = { batchSize: 3, dryRun: false };
      assert.equal(await s.outbox.rewriteSentPayloads(kind, hide, { ...options, dryRun: true }), 4);
      assert.deepEqual((await s.outbox.get(sent[0] as number))?.payload, { i: 0, secret: true }, 'dry run');
      assert.equal(await s.outbox.rewriteSentPayloads(kind, hide, options), 4);
      assert.deepEqual(
        seen,
        [0, 1, 2, 3, 4, 5, 6, 0, 1, 2, 3, 4, 5, 6],
        'every sent row of the kind, in batches',
      );
      for (const [i, id] of sent.entries()) {
        assert.deepEqual((await s.outbox.get(id))?.payload, { i, secret: i % 2 === 0 ? 'retiré' : false });
      }
      assert.deepEqual((await s.outbox.get(pending))?.payload, { i: 99, secret: true }, 'not sent: kept');
      assert.deepEqual((await s.outbox.get(other))?.payload, { secret: true }, 'another kind: kept');
      assert.equal(
        await s.outbox.rewriteSentPayloads(kind, hide, options),
        0,
        'nothing more the second time',
      );
    });

    it('read only the sent rows the filter lets through, its strings taken literally', async () => {
      const kind = 'rewrite-filter';
      const texts = ['/suivi/abc', '/suivi/[retiré]', 'a_b%c', 'axbyc', 'rien'];
      const ids = [];
      for (const text of texts) ids.push((await s.outbox.enqueue({ kind, payload: { text } })).id);
      await t.handle.db.updateTable('outbox').set({ status: 'sent' }).where('id', 'in', ids).execute();
      const seen: string[] = [];
      const look = (payload: JsonObject) => {
        seen.push(payload.text as string);
        return null;
      };
      const onlyIfContains = { anyOf: ['/suivi/', 'a_b%'], unlessContains: '[retiré]' };
      assert.equal(
        await s.outbox.rewriteSentPayloads(kind, look, { batchSize: 2, dryRun: false, onlyIfContains }),
        0,
      );
      assert.deepEqual(
        seen,
        ['/suivi/abc', 'a_b%c'],
        '« _ » and « % » are no wildcards; the marker excludes',
      );
      seen.length = 0;
      await s.outbox.rewriteSentPayloads(kind, look, {
        batchSize: 2,
        dryRun: false,
        onlyIfContains: { anyOf: [] },
      });
      assert.deepEqual(seen, [], 'no string: no row');
    });

    it('never give the same job to two concurrent claimers', async () => {
      const ids = new Set<number>();
      for (let i = 0; i < 60; i++) ids.add((await s.outbox.enqueue({ kind: 'bulk', payload: { i } })).id);
      const peer = await t.openPeer();
      const other = new KyselyOutbox(peer.db, peer.dialect, s.clock, RETRY);
      const drain = async (outbox: KyselyOutbox, worker: string) => {
        const got: number[] = [];
        for (;;) {
          const jobs = await outbox.claimDue({ worker, limit: 3 });
          if (jobs.length === 0) return got;
          got.push(...jobs.map((j) => j.id));
        }
      };
      const runs = await Promise.all([
        drain(s.outbox, 'a1'),
        drain(other, 'b1'),
        drain(s.outbox, 'a2'),
        drain(other, 'b2'),
      ]);
      const claimed = runs.flat();
      assert.equal(claimed.length, new Set(claimed).size, 'a job was claimed twice');
      assert.deepEqual(new Set(claimed), ids);
      assert.ok(runs.filter((r) => r.length > 0).length >= 2, 'both connections took part');
    });
  });
}
