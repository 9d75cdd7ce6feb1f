import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { KyselyUnitOfWork } from '../../../src/adapters/db/kysely-unit-of-work.js';
import { withTransaction } from '../../../src/adapters/db/transaction.js';
import { AppError } from '../../../src/domain/shared/errors.js';
import type { CallRecord } from '../../../src/ports/call-store.js';
import { randomIds } from '../../../src/ports/id-generator.js';
import type { NewMessageEntry } from '../../../src/ports/message-ledger.js';
import type { MakeDatabase, TestDatabase } from './databases.js';
import { countRows, newSubmission, sha256, storesFor, T0 } from './fixtures.js';

function hasCode(code: string) {
  return (e: unknown) => e instanceof AppError && e.code === code;
}

let counter = 0;

/** A ledger entry for a message read from an mbox file, unique unless told otherwise. */
function entry(callId: string, overrides: Partial<NewMessageEntry> = {}): NewMessageEntry {
  const n = `${++counter}-${Math.random().toString(36).slice(2, 8)}`;
  return {
    sha256: sha256(`message brut ${n}`),
    callId,
    source: { kind: 'mbox', location: '/srv/appel/appel-81.mbox' },
    messageId: `proposition-${n}@exemple.fr`,
    senderKey: sha256('eloise.dupre@exemple.fr'),
    receivedAt: new Date('2026-03-01T08:59:00Z'),
    outcome: 'submission',
    submissionId: null,
    replied: false,
    ...overrides,
  };
}

const HOUR = 3600_000;

export function messageSuite(makeDb: MakeDatabase): void {
  describe('message ledger', () => {
    let t: TestDatabase;
    let s: Awaited<ReturnType<typeof storesFor>>;
    let call: CallRecord;
    const submissionIn = async (callId: string) =>
      (await s.submissions.recordSubmission(newSubmission(callId))).id;
    before(async () => {
      t = await makeDb();
      s = await storesFor(t.handle);
      call = await s.calls.saveCall('registre', { journal: 'Sociographe' });
    });
    after(() => t.drop());

    it('record a message and find it by its SHA-256, every field as written', async () => {
      const submissionId = await submissionIn(call.id);
      const input = entry(call.id, {
        submissionId,
        replied: true,
        detail: { signes: 22_549, parts: 3, dmarc: 'pass', late: false, axis: null },
      });
      const recorded = await s.messages.record(input);
      assert.ok(Number.isInteger(recorded.id));
      const found = await s.messages.findBySha256(input.sha256);
      assert.deepEqual(found, recorded);
      assert.deepEqual(found, {
        id: recorded.id,
        sha256: input.sha256,
        callId: call.id,
        source: { kind: 'mbox', location: '/srv/appel/appel-81.mbox' },
        messageId: input.messageId,
        senderKey: input.senderKey,
        receivedAt: '2026-03-01T08:59:00.000Z',
        outcome: 'submission',
        submissionId,
        replied: true,
        detail: { signes: 22_549, parts: 3, dmarc: 'pass', late: false, axis: null },
        createdAt: T0,
      });
      assert.equal(await s.messages.findBySha256(sha256('jamais reçu')), null);
    });

    it('keep a message without Message-ID, sender, submission or detail', async () => {
      const input = entry(call.id, {
        source: { kind: 'web', location: 'formulaire' },
        messageId: null,
        senderKey: null,
        outcome: 'unreadable',
      });
      const recorded = await s.messages.record(input);
      assert.equal(recorded.messageId, null);
      assert.equal(recorded.senderKey, null);
      assert.equal(recorded.submissionId, null);
      assert.equal(recorded.replied, false);
      assert.equal('detail' in recorded, false);
      assert.deepEqual(recorded.source, { kind: 'web', location: 'formulaire' });
    });

    it('find an IMAP message by (mailbox, UIDVALIDITY, UID), past 2^31', async () => {
      const source = {
        kind: 'imap' as const,
        location: 'imap://imap.exemple.fr/INBOX;UIDVALIDITY=3000000000/;UID=4294967295',
        mailbox: 'INBOX',
        uidValidity: 3_000_000_000,
        uid: 4_294_967_295,
      };
      const recorded = await s.messages.record(entry(call.id, { source }));
      assert.deepEqual(recorded.source, source);
      const found = await s.messages.findByImapUid('INBOX', 3_000_000_000, 4_294_967_295);
      assert.equal(found?.id, recorded.id);
      assert.deepEqual(found?.source, source);
      assert.equal(await s.messages.findByImapUid('INBOX', 3_000_000_000, 4_294_967_294), null);
      assert.equal(await s.messages.findByImapUid('INBOX', 3_000_000_001, 4_294_967_295), null);
      assert.equal(await s.messages.findByImapUid('Archives', 3_000_000_000, 4_294_967_295), null);
    });

    it('refuse the same bytes twice with MESSAGE_DUPLICATE, and write nothing for it', async () => {
      const first = entry(call.id);
      await s.messages.record(first);
      const counts = await countRows(t.handle);
      const again = entry(call.id, {
        sha256: first.sha256,
        source: {
          kind: 'imap',
          location: 'imap://imap.exemple.fr',
          mailbox: 'INBOX',
          uidValidity: 7,
          uid: 1,
        },
      });
      const refusal = await s.messages.record(again).then(
        () => assert.fail('a duplicate was recorded'),
        (e: unknown) => e,
      );
      assert.ok(hasCode('MESSAGE_DUPLICATE')(refusal));
      const { text, fix } = refusal as AppError;
      assert.match(text.fr, /déjà été reçu/);
      assert.match(text.en, /already received/);
      assert.ok(text.fr.includes(first.sha256.slice(0, 12)));
      assert.match(fix.fr, /Rien à faire/);
      assert.deepEqual(await countRows(t.handle), counts);
      assert.equal(await s.messages.findByImapUid('INBOX', 7, 1), null);
    });

    it('refuse the same IMAP identity twice, even with other bytes', async () => {
      const source = {
        kind: 'imap' as const,
        location: 'imap://imap.exemple.fr',
        mailbox: 'INBOX',
        uidValidity: 42,
        uid: 10,
      };
      await s.messages.record(entry(call.id, { source }));
      const counts = await countRows(t.handle);
      await assert.rejects(s.messages.record(entry(call.id, { source })), hasCode('MESSAGE_DUPLICATE'));
      assert.deepEqual(await countRows(t.handle), counts);
      // Another UID, UIDVALIDITY or mailbox is another message.
      await s.messages.record(entry(call.id, { source: { ...source, uid: 11 } }));
      await s.messages.record(entry(call.id, { source: { ...source, uidValidity: 43 } }));
      await s.messages.record(entry(call.id, { source: { ...source, mailbox: 'Appel 81' } }));
    });

    it('never let messages without an IMAP identity collide', async () => {
      const counts = await countRows(t.handle);
      for (let i = 0; i < 3; i++) await s.messages.record(entry(call.id));
      // A mailbox alone (a Maildir folder, say) is not an identity either.
      const folder = { kind: 'maildir' as const, location: '/srv/Maildir', mailbox: 'cur' };
      await s.messages.record(entry(call.id, { source: folder }));
      await s.messages.record(entry(call.id, { source: folder }));
      assert.equal((await countRows(t.handle)).messages, (counts.messages ?? 0) + 5);
    });

    it('refuse an incomplete IMAP identity or a bad SHA-256, without calling it a duplicate', async () => {
      const counts = await countRows(t.handle);
      const partial = { kind: 'imap' as const, location: 'imap://x', mailbox: 'INBOX', uid: 5 };
      const noMailbox = { kind: 'imap' as const, location: 'imap://x', uidValidity: 1, uid: 5 };
      const notDuplicate = (e: unknown) => !hasCode('MESSAGE_DUPLICATE')(e);
      await assert.rejects(s.messages.record(entry(call.id, { source: partial })), notDuplicate);
      await assert.rejects(s.messages.record(entry(call.id, { source: noMailbox })), notDuplicate);
      await assert.rejects(s.messages.record(entry(call.id, { sha256: 'abc' })), notDuplicate);
      await assert.rejects(
        s.messages.record(entry(call.id, { submissionId: 'inconnue' })),
        notDuplicate,
        'the submission must exist',
      );
      assert.deepEqual(await countRows(t.handle), counts);
    });

    it('find the submission a reply belongs to by its Message-IDs, the first known one winning', async () => {
      const c = await s.calls.saveCall('fils', { journal: 'Fils' });
      const [a, b] = [await submissionIn(c.id), await submissionIn(c.id)];
      await s.messages.record(entry(c.id, { messageId: 'premier@exemple.fr', submissionId: a }));
      await s.messages.record(
        entry(c.id, { messageId: 'deuxieme@exemple.fr', submissionId: a, outcome: 'version' }),
      );
      await s.messages.record(entry(c.id, { messageId: 'autre@exemple.fr', submissionId: b }));
      await s.messages.record(
        entry(c.id, { messageId: 'sans-fichier@exemple.fr', outcome: 'no-manuscript' }),
      );
      const find = (ids: string[], callId = c.id) => s.messages.findSubmissionByMessageIds(callId, ids);
      assert.equal(await find(['deuxieme@exemple.fr']), a, 'a message that made a new version');
      assert.equal(await find(['inconnu@exemple.fr', 'autre@exemple.fr', 'premier@exemple.fr']), b);
      assert.equal(await find(['premier@exemple.fr', 'autre@exemple.fr']), a);
      assert.equal(await find(['sans-fichier@exemple.fr']), null, 'known, but tied to no submission');
      assert.equal(await find(['Premier@exemple.fr']), null, 'Message-IDs compare exactly');
      assert.equal(await find([]), null);
      assert.equal(await find(['premier@exemple.fr'], call.id), null, 'another call');
      const many = Array.from({ length: 5000 }, (_, i) => `ref-${i}@exemple.fr`);
      assert.equal(await find(['autre@exemple.fr', ...many]), b, 'a huge References header is cut short');
    });

    it('list the submissions a sender created in a call, newest message first', async () => {
      const c = await s.calls.saveCall('expediteurs', { journal: 'Expéditeurs' });
      const sender = sha256('jean-francois@exemple.fr');
      const at = (iso: string) => new Date(iso);
      const [s1, s2, s3] = [await submissionIn(c.id), await submissionIn(c.id), await submissionIn(c.id)];
      await s.messages.record(
        entry(c.id, { senderKey: sender, submissionId: s1, receivedAt: at('2026-01-10T10:00:00Z') }),
      );
      await s.messages.record(
        entry(c.id, { senderKey: sender, submissionId: s3, receivedAt: at('2026-02-20T10:00:00Z') }),
      );
      await s.messages.record(
        entry(c.id, { senderKey: sender, submissionId: s2, receivedAt: at('2026-02-01T10:00:00Z') }),
      );
      // A later version of s1 does not make s1 newer: only the messages that created submissions count.
      await s.messages.record(
        entry(c.id, {
          senderKey: sender,
          submissionId: s1,
          outcome: 'version',
          receivedAt: at('2026-03-01T10:00:00Z'),
        }),
      );
      await s.messages.record(entry(c.id, { senderKey: sender, outcome: 'no-manuscript' }));
      await s.messages.record(entry(c.id, { senderKey: sha256('quelqu-un@exemple.fr'), submissionId: s2 }));
      await s.messages.record(
        entry(call.id, { senderKey: sender, submissionId: await submissionIn(call.id) }),
      );
      assert.deepEqual(await s.messages.findSubmissionsBySender(c.id, sender), [s3, s2, s1]);
      assert.deepEqual(await s.messages.findSubmissionsBySender(c.id, sha256('inconnu@exemple.fr')), []);
    });

    it('count the automatic replies queued for a sender since an instant, in every call', async () => {
      const sender = sha256('robot@exemple.fr');
      const other = await s.calls.saveCall('reponses', { journal: 'Réponses' });
      const start = s.clock.now();
      await s.messages.record(entry(call.id, { senderKey: sender, replied: true, outcome: 'no-manuscript' }));
      s.clock.advance(HOUR);
      await s.messages.record(
        entry(other.id, { senderKey: sender, replied: true, outcome: 'no-manuscript' }),
      );
      s.clock.advance(HOUR);
      await s.messages.record(entry(call.id, { senderKey: sender, replied: false, outcome: 'automatic' }));
      await s.messages.record(entry(call.id, { senderKey: sha256('autre@exemple.fr'), replied: true }));
      // The message's own times do not count: an old Date cannot hide a reply queued now.
      await s.messages.record(
        entry(call.id, {
          senderKey: sender,
          replied: true,
          outcome: 'no-manuscript',
          receivedAt: new Date('2020-01-01T00:00:00Z'),
        }),
      );
      const since = (ms: number) => s.messages.countRepliesSince(sender, new Date(start.getTime() + ms));
      assert.equal(await since(0), 3, 'the bound is included');
      assert.equal(await since(1), 2);
      assert.equal(await since(HOUR + 1), 1);
      assert.equal(await since(3 * HOUR), 0);
      assert.equal(await s.messages.countRepliesSince(sha256('inconnu@exemple.fr'), start), 0);
    });
  });
}

export function unitOfWorkSuite(makeDb: MakeDatabase): void {
  describe('unit of work (submission and message ledger in one transaction)', () => {
    let t: TestDatabase;
    let s: Awaited<ReturnType<typeof storesFor>>;
    let call: CallRecord;
    before(async () => {
      t = await makeDb();
      s = await storesFor(t.handle);
      call = await s.calls.saveCall('unite', { journal: 'Sociographe' });
    });
    after(() => t.drop());

    const outboxRow = (dedupeKey: string) =>
      t.handle.db.selectFrom('outbox').selectAll().where('dedupe_key', '=', dedupeKey).executeTakeFirst();

    it('commit the submission, its receipt and the ledger entry together', async () => {
      const input = newSubmission(call.id);
      const message = entry(call.id, { replied: true });
      const { rec, logged } = await s.unitOfWork.run(async ({ submissions, messages }) => {
        const rec = await submissions.recordSubmission(input);
        const logged = await messages.record({ ...message, submissionId: rec.id });
        return { rec, logged };
      });
      assert.equal((await s.submissions.findById(rec.id))?.title, input.title);
      assert.deepEqual(await s.messages.findBySha256(message.sha256), logged);
      assert.equal(logged.submissionId, rec.id);
      assert.ok(await outboxRow(`receipt:${call.id}:${input.idempotencyKey}`));
    });

    it('leave neither submission, nor receipt, nor ledger entry when the work throws', async () => {
      const counts = await countRows(t.handle);
      const input = newSubmission(call.id);
      const message = entry(call.id);
      await assert.rejects(
        s.unitOfWork.run(async ({ submissions, messages }) => {
          const rec = await submissions.recordSubmission(input);
          await messages.record({ ...message, submissionId: rec.id });
          // Written and visible inside the transaction…
          assert.equal((await submissions.findById(rec.id))?.id, rec.id);
          assert.equal((await messages.findBySha256(message.sha256))?.submissionId, rec.id);
          throw new Error('panne simulée après l’écriture');
        }),
        /panne simulée/,
      );
      // …and gone after the rollback.
      assert.equal(await s.submissions.findByIdempotencyKey(call.id, input.idempotencyKey), null);
      assert.equal(await s.messages.findBySha256(message.sha256), null);
      assert.equal(await outboxRow(`receipt:${call.id}:${input.idempotencyKey}`), undefined);
      assert.deepEqual(await countRows(t.handle), counts);
    });

    it('roll the submission back when its message turns out to be known', async () => {
      const known = entry(call.id);
      await s.messages.record(known);
      const counts = await countRows(t.handle);
      await assert.rejects(
        s.unitOfWork.run(async ({ submissions, messages }) => {
          const rec = await submissions.recordSubmission(newSubmission(call.id));
          await messages.record(entry(call.id, { sha256: known.sha256, submissionId: rec.id }));
        }),
        hasCode('MESSAGE_DUPLICATE'),
      );
      assert.deepEqual(await countRows(t.handle), counts);
    });

    it('keep the transaction usable after a refused duplicate (PostgreSQL aborts on an error)', async () => {
      const known = entry(call.id);
      await s.messages.record(known);
      const input = newSubmission(call.id);
      const fresh = entry(call.id);
      await s.unitOfWork.run(async ({ submissions, messages }) => {
        await assert.rejects(messages.record(known), hasCode('MESSAGE_DUPLICATE'));
        const rec = await submissions.recordSubmission(input);
        await messages.record({ ...fresh, submissionId: rec.id });
      });
      assert.ok(await s.submissions.findByIdempotencyKey(call.id, input.idempotencyKey));
      assert.ok(await s.messages.findBySha256(fresh.sha256));
    });

    it('join an enclosing transaction instead of nesting', async () => {
      const counts = await countRows(t.handle);
      await assert.rejects(
        withTransaction(t.handle.db, async (trx) => {
          await new KyselyUnitOfWork(trx, s.clock, randomIds).run(async ({ submissions, messages }) => {
            const rec = await submissions.recordSubmission(newSubmission(call.id));
            await messages.record(entry(call.id, { submissionId: rec.id }));
          });
          throw new Error('panne après l’unité de travail');
        }),
        /panne après/,
      );
      assert.deepEqual(await countRows(t.handle), counts);
    });

    it('record a message delivered twice at once exactly once, from two connections', async () => {
      const peer = await t.openPeer();
      const other = new KyselyUnitOfWork(peer.db, s.clock, randomIds);
      const message = entry(call.id);
      const deliver = (uow: KyselyUnitOfWork) =>
        uow.run(async ({ submissions, messages }) => {
          const rec = await submissions.recordSubmission(newSubmission(call.id));
          return messages.record({ ...message, submissionId: rec.id });
        });
      const counts = await countRows(t.handle);
      // PostgreSQL: truly at once (the second insert waits for the first commit, then finds the row).
      // SQLite: one writer at a time, and better-sqlite3 waits for a lock synchronously, so two
      // transactions of one process cannot overlap: one after the other (processes: see sqlite-processes).
      const results =
        t.dialect === 'postgres'
          ? await Promise.allSettled([deliver(s.unitOfWork), deliver(other)])
          : [
              ...(await Promise.allSettled([deliver(s.unitOfWork)])),
              ...(await Promise.allSettled([deliver(other)])),
            ];
      const kept = results.filter((r) => r.status === 'fulfilled');
      const refused = results.filter((r) => r.status === 'rejected');
      assert.equal(kept.length, 1);
      assert.equal(refused.length, 1);
      assert.ok(hasCode('MESSAGE_DUPLICATE')((refused[0] as PromiseRejectedResult).reason));
      const after = await countRows(t.handle);
      assert.equal(
        after.submissions,
        (counts.submissions ?? 0) + 1,
        'the refused delivery left no submission',
      );
      assert.equal(after.messages, (counts.messages ?? 0) + 1);
      assert.equal(after.outbox, (counts.outbox ?? 0) + 1);
    });
  });
}
