import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { KyselyAttemptCounter } from '../../../src/adapters/db/kysely-attempt-counter.js';
import { migrateToLatest } from '../../../src/adapters/db/migrate.js';
import type { AttemptVerdict } from '../../../src/ports/attempt-counter.js';
import type { MakeDatabase, TestDatabase } from './databases.js';
import { sha256, T0 } from './fixtures.js';

const LIMIT = { max: 3, windowMs: 60_000 };
const at = (seconds: number) => new Date(Date.parse(T0) + seconds * 1000);
const allowed = (v: AttemptVerdict) => v.allowed;

/** Sign-in attempts counted in the database: a sliding window shared by every connection. */
export function attemptSuite(makeDb: MakeDatabase): void {
  describe('sign-in attempts', () => {
    let t: TestDatabase;
    let counter: KyselyAttemptCounter;
    before(async () => {
      t = await makeDb();
      await migrateToLatest(t.handle);
      counter = new KyselyAttemptCounter(t.handle.db);
    });
    after(() => t.drop());

    const rows = (keyHash: string) =>
      t.handle.db
        .selectFrom('sign_in_attempts')
        .select(['slot', 'at', 'expires_at'])
        .where('key_hash', '=', keyHash)
        .orderBy('slot')
        .execute();

    it('let max attempts through in a window, then refuse until the oldest leaves it, recording nothing', async () => {
      const key = sha256('fenêtre');
      assert.equal((await counter.take(key, LIMIT, at(0))).allowed, true);
      assert.equal((await counter.take(key, LIMIT, at(10))).allowed, true);
      assert.equal((await counter.take(key, LIMIT, at(20))).allowed, true);
      assert.deepEqual(await counter.take(key, LIMIT, at(30)), { allowed: false, retryAfterSeconds: 30 });
      assert.deepEqual(await counter.take(key, LIMIT, at(59.5)), { allowed: false, retryAfterSeconds: 1 });
      assert.equal((await rows(key)).length, 3, 'a refused attempt is not recorded');
      // At 60 s the first attempt leaves the window: one more, and only one.
      assert.equal((await counter.take(key, LIMIT, at(60))).allowed, true);
      assert.deepEqual(await counter.take(key, LIMIT, at(61)), { allowed: false, retryAfterSeconds: 9 });
      assert.deepEqual(
        (await rows(key)).map((r) => [r.slot, r.at, r.expires_at]),
        [
          [0, at(60).toISOString(), at(120).toISOString()],
          [1, at(10).toISOString(), at(70).toISOString()],
          [2, at(20).toISOString(), at(80).toISOString()],
        ],
        'the slot of the attempt that left the window is taken again',
      );
    });

    it('count each key on its own', async () => {
      const [a, b] = [sha256('clé a'), sha256('clé b')];
      for (let i = 0; i < 3; i += 1) assert.equal((await counter.take(a, LIMIT, at(200))).allowed, true);
      assert.equal((await counter.take(a, LIMIT, at(200))).allowed, false);
      assert.equal((await counter.take(b, LIMIT, at(200))).allowed, true);
    });

    it('refuse to store anything but a hash, and a limit without room', async () => {
      await assert.rejects(counter.take('ada@exemple.fr', LIMIT, at(0)), RangeError);
      await assert.rejects(counter.take(sha256('x'), { max: 0, windowMs: 60_000 }, at(0)), RangeError);
    });

    it('share the count between two connections: the limit holds whichever one is asked', async () => {
      const peer = new KyselyAttemptCounter((await t.openPeer()).db);
      const key = sha256('deux instances');
      assert.equal((await counter.take(key, LIMIT, at(300))).allowed, true);
      assert.equal((await peer.take(key, LIMIT, at(301))).allowed, true);
      assert.equal((await counter.take(key, LIMIT, at(302))).allowed, true);
      assert.deepEqual(await peer.take(key, LIMIT, at(303)), { allowed: false, retryAfterSeconds: 57 });
    });

    it('let exactly max through when two connections race for the same key', async () => {
      const peer = new KyselyAttemptCounter((await t.openPeer()).db);
      const key = sha256('course');
      const limit = { max: 5, windowMs: 60_000 };
      const verdicts = await Promise.all(
        Array.from({ length: 24 }, (_, i) => (i % 2 ? peer : counter).take(key, limit, at(400))),
      );
      assert.equal(verdicts.filter(allowed).length, 5);
      assert.equal((await rows(key)).length, 5);
    });

    it('delete expired rows as attempts come in, a bounded batch at a time', async () => {
      const count = async () =>
        Number(
          (
            await t.handle.db
              .selectFrom('sign_in_attempts')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      for (let i = 0; i < 150; i += 1) await counter.take(sha256(`vieille ${i}`), LIMIT, at(1000));
      const before = await count();
      assert.ok(before >= 150);
      await counter.take(sha256('nouvelle'), LIMIT, at(2000));
      assert.equal(await count(), before - 100 + 1, 'one hundred expired rows go with one attempt');
      await counter.take(sha256('nouvelle'), LIMIT, at(2001));
      await counter.take(sha256('nouvelle'), LIMIT, at(2002));
      assert.equal(await count(), 3, 'then the rest: only the live window is kept');
    });

    it('forget every expired row at once for the sweep, keep the live ones; a dry run only counts', async () => {
      const ours = () =>
        t.handle.db
          .selectFrom('sign_in_attempts')
          .select('key_hash')
          .where('key_hash', 'in', [sha256('balayée'), sha256('gardée')])
          .orderBy('key_hash')
          .execute();
      const window = (ms: number) => ({ max: 3, windowMs: ms });
      await counter.take(sha256('balayée'), window(60_000), at(3000));
      await counter.take(sha256('gardée'), window(3_600_000), at(3000));
      // Rows of earlier tests, all out of their window long before, go too.
      const sweptBefore = await counter.forgetExpired(at(3600), true);
      assert.ok(sweptBefore >= 1);
      assert.equal((await ours()).length, 2, 'a dry run deletes nothing');
      assert.equal(await counter.forgetExpired(at(3600)), sweptBefore);
      assert.deepEqual(
        (await ours()).map((r) => r.key_hash),
        [sha256('gardée')],
        'the row still in its window stays',
      );
      assert.equal(await counter.forgetExpired(at(3600)), 0, 'nothing twice');
      assert.equal(await counter.forgetExpired(at(3000 + 3600)), 1, 'an expiry is not live: it goes');
    });
  });
}
