import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { type DbHandle, openDatabase } from '../../src/adapters/db/connect.js';
import { attemptKey } from '../../src/adapters/http/auth/attempts.js';
import { buildServer } from '../../src/adapters/http/server.js';
import { SQLITE_FILE_NAME } from '../../src/config/data-dir.js';
import { type AppContext, openContext } from '../../src/main/context.js';
import { contextDatabase, testDatabaseUrl } from '../db/support/databases.js';
import { type DialectName, forEachDialect } from '../intake/support/world.js';
import { testClock, Visitor } from './desk-helpers.js';

/**
 * Two instances of the desk over one database, as behind a reverse proxy on a host: each has its
 * own context (its own connections) and its own server; the sign-in limits are one.
 */
const SECRET = 'un secret de cookie partagé par les deux instances';
const LIMITS = { signInPerAddress: 4, signInPerAccount: 3 };

interface Instances {
  a: string;
  b: string;
  /** A connection of the test's own, to look at the table. */
  db: DbHandle;
  close(): Promise<void>;
}

async function openInstances(dialect: DialectName, clock: ReturnType<typeof testClock>): Promise<Instances> {
  const data = await mkdtemp(join(tmpdir(), 'appel-instances-'));
  const { env, schema, drop } = await contextDatabase(dialect);
  const target: Parameters<typeof openDatabase>[0] =
    schema === undefined
      ? { kind: 'sqlite', file: join(data, SQLITE_FILE_NAME) }
      : { kind: 'postgres', url: testDatabaseUrl(), schema };
  const contexts: AppContext[] = [];
  const servers: FastifyInstance[] = [];
  const start = async () => {
    const context = await openContext({ data, env });
    contexts.push(context);
    const server = await buildServer(context, { ...LIMITS, cookieSecret: SECRET, now: clock.now });
    servers.push(server);
    return server.listen({ port: 0, host: '127.0.0.1' });
  };
  const a = await start();
  const b = await start();
  const db = await openDatabase(target);
  return {
    a,
    b,
    db,
    close: async () => {
      for (const server of servers) await server.close();
      for (const context of contexts) await context.close();
      await db.close();
      await drop();
      await rm(data, { recursive: true, force: true });
    },
  };
}

/** A wrong sign-in through one instance: the form's token first, as a browser would. */
async function wrongSignIn(base: string, email: string): Promise<Response> {
  const visitor = new Visitor(base);
  const { csrf } = await visitor.page('/connexion');
  return visitor.post('/connexion', { _csrf: csrf, email, password: 'mauvais mot de passe', code: '111111' });
}

function suite(dialect: DialectName) {
  describe(`two instances share the sign-in limits (${dialect})`, () => {
    let instances: Instances;
    const clock = testClock();
    before(async () => {
      instances = await openInstances(dialect, clock);
    });
    after(() => instances.close());

    it('after the limit is reached through instance A, instance B refuses with 429 and Retry-After', async () => {
      for (let i = 0; i < LIMITS.signInPerAccount; i += 1) {
        assert.equal((await wrongSignIn(instances.a, 'Cible@Exemple.fr')).status, 401);
        clock.advance(1000);
      }
      clock.advance(7000);
      const refused = await wrongSignIn(instances.b, 'cible@exemple.fr');
      assert.equal(refused.status, 429);
      assert.equal(refused.headers.get('retry-after'), '50', 'the first attempt leaves the window in 50 s');
      assert.match(await refused.text(), /Attendez 50 secondes/);
      assert.equal((await wrongSignIn(instances.a, 'cible@exemple.fr')).status, 429, 'and A too');
      clock.advance(50_000);
      assert.equal((await wrongSignIn(instances.b, 'cible@exemple.fr')).status, 401, 'then one more');
      assert.equal((await wrongSignIn(instances.a, 'cible@exemple.fr')).status, 429);
    });

    it('counts one client address across both instances, whichever accounts it names', async () => {
      clock.advance(120_000);
      const statuses: number[] = [];
      for (let i = 0; i < LIMITS.signInPerAddress + 1; i += 1) {
        const base = i % 2 === 0 ? instances.a : instances.b;
        statuses.push((await wrongSignIn(base, `personne${i}@exemple.fr`)).status);
      }
      assert.deepEqual(statuses, [401, 401, 401, 401, 429]);
    });

    it('keeps neither an e-mail address nor a client address in the table: keyed hashes only', async () => {
      assert.equal((await wrongSignIn(instances.b, 'cible@exemple.fr')).status, 429, 'the address is spent');
      clock.advance(60_000);
      assert.equal((await wrongSignIn(instances.b, 'cible@exemple.fr')).status, 401);
      const rows = await instances.db.db.selectFrom('sign_in_attempts').selectAll().execute();
      assert.ok(rows.length > 0);
      const stored = JSON.stringify(rows);
      for (const raw of ['cible', 'exemple.fr', 'personne', '127.0.0.1', '@'])
        assert.ok(!stored.includes(raw), `no « ${raw} » in the table`);
      const keys = new Set(rows.map((r) => r.key_hash));
      for (const key of keys) assert.match(key, /^[0-9a-f]{64}$/);
      assert.ok(keys.has(attemptKey(SECRET, 'account', 'cible@exemple.fr')));
      assert.ok(keys.has(attemptKey(SECRET, 'address', '127.0.0.1')));
      const plain = (text: string) => createHash('sha256').update(text).digest('hex');
      assert.ok(!keys.has(plain('cible@exemple.fr')), 'not a bare SHA-256 anyone could recompute');
      assert.ok(!keys.has(plain('127.0.0.1')));
    });
  });
}

await forEachDialect(suite);
