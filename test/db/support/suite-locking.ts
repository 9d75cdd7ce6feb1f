import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AppError } from '../../../src/domain/shared/errors.js';
import type { CallRecord } from '../../../src/ports/call-store.js';
import type { MakeDatabase, TestDatabase } from './databases.js';
import { countRows, newSubmission, storesFor } from './fixtures.js';

const coordinator = { kind: 'coordinator' as const, id: 'coord-1' };

export function lockingSuite(makeDb: MakeDatabase): void {
  describe('status changes and the audit log', () => {
    let t: TestDatabase;
    let s: Awaited<ReturnType<typeof storesFor>>;
    let call: CallRecord;
    before(async () => {
      t = await makeDb();
      s = await storesFor(t.handle);
      call = await s.calls.saveCall('verrou', { journal: 'Sociographe' });
    });
    after(() => t.drop());

    it('change the status with an event and a queued letter', async () => {
      const rec = await s.submissions.recordSubmission(newSubmission(call.id));
      s.clock.advance(60_000);
      const changed = await s.submissions.changeStatus({
        submissionId: rec.id,
        expectedVersion: 1,
        to: 'complete',
        event: {
          actor: coordinator,
          channel: 'web',
          action: 'status.changed',
          detail: { reason: 'dossier complet' },
        },
        outbox: [{ kind: 'letter', payload: { template: 'dossier-complet' } }],
      });
      assert.equal(changed.status, 'complete');
      assert.equal(changed.version, 2);
      assert.equal(changed.updatedAt, '2026-03-01T09:01:00.000Z');
      const events = await s.submissions.listEvents(rec.id);
      assert.deepEqual(events.at(-1), {
        ...events.at(-1),
        fromStatus: 'received',
        toStatus: 'complete',
        actor: coordinator,
        channel: 'web',
        detail: { reason: 'dossier complet' },
      });
    });

    it('refuse a change based on a stale version, and write nothing', async () => {
      const rec = await s.submissions.recordSubmission(newSubmission(call.id));
      const change = {
        submissionId: rec.id,
        to: 'complete' as const,
        event: { actor: coordinator, channel: 'web' as const, action: 'status.changed' },
      };
      await s.submissions.changeStatus({ ...change, expectedVersion: 1 });
      const counts = await countRows(t.handle);
      await assert.rejects(
        s.submissions.changeStatus({
          ...change,
          to: 'declined',
          expectedVersion: 1,
          outbox: [{ kind: 'letter', payload: {} }],
        }),
        (e: unknown) => e instanceof AppError && e.code === 'STALE_UPDATE' && e.params.actual === 2,
      );
      assert.deepEqual(await countRows(t.handle), counts);
      assert.equal((await s.submissions.findById(rec.id))?.status, 'complete');
    });

    it('let exactly one of two concurrent changes from the same version win', async () => {
      const rec = await s.submissions.recordSubmission(newSubmission(call.id));
      // One store: on PostgreSQL its pool runs both on two connections at once; on SQLite its
      // single connection runs them one after the other. Either way the loser sees STALE_UPDATE.
      const event = { actor: coordinator, channel: 'web' as const, action: 'status.changed' };
      const results = await Promise.allSettled([
        s.submissions.changeStatus({ submissionId: rec.id, expectedVersion: 1, to: 'accepted', event }),
        s.submissions.changeStatus({ submissionId: rec.id, expectedVersion: 1, to: 'declined', event }),
      ]);
      assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
      const lost = results.find((r) => r.status === 'rejected');
      assert.ok(
        lost?.status === 'rejected' && lost.reason instanceof AppError && lost.reason.code === 'STALE_UPDATE',
      );
      const events = await s.submissions.listEvents(rec.id);
      assert.equal(events.length, 2);
    });

    it('say which submission is missing', async () => {
      await assert.rejects(
        s.submissions.changeStatus({
          submissionId: 'absent',
          expectedVersion: 1,
          to: 'complete',
          event: { actor: coordinator, channel: 'cli', action: 'x' },
        }),
        (e: unknown) => e instanceof AppError && e.code === 'SUBMISSION_NOT_FOUND',
      );
      await assert.rejects(
        s.submissions.appendEvent('absent', { actor: coordinator, channel: 'cli', action: 'note' }),
        (e: unknown) => e instanceof AppError && e.code === 'SUBMISSION_NOT_FOUND',
      );
    });

    it('list events in the order they happened, even within one millisecond', async () => {
      const rec = await s.submissions.recordSubmission(newSubmission(call.id));
      for (let i = 1; i <= 12; i++) {
        await s.submissions.appendEvent(rec.id, {
          actor: { kind: 'system' },
          channel: 'system',
          action: `step.${i}`,
          detail: { i },
        });
      }
      const events = await s.submissions.listEvents(rec.id);
      assert.deepEqual(
        events.map((e) => e.action),
        ['submission.received', ...Array.from({ length: 12 }, (_, i) => `step.${i + 1}`)],
      );
      assert.ok(events.every((e, i) => i === 0 || e.id > (events[i - 1]?.id ?? 0)));
      assert.ok(events.every((e) => e.at === events[0]?.at));
    });
  });
}
