import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseTrustProxy } from '../../src/adapters/http/trust-proxy.js';
import { serverSettings } from '../../src/cli/serve-command.js';
import { isAppError } from '../../src/domain/shared/errors.js';
import type { RunningDesk } from '../helpers/http-server.js';
import { startTestDesk, Visitor } from './desk-helpers.js';

const isUsage = (e: unknown) => isAppError(e) && e.code === 'USAGE';

describe('APPEL_TRUST_PROXY: whom the desk believes about the client’s address', () => {
  it('is off unless set; true, or the proxies’ addresses and ranges, as Fastify takes them', () => {
    for (const off of [undefined, '', '  ', 'false', 'off', '0']) assert.equal(parseTrustProxy(off), false);
    assert.equal(parseTrustProxy('true'), true);
    assert.deepEqual(parseTrustProxy('127.0.0.1'), ['127.0.0.1']);
    assert.deepEqual(
      parseTrustProxy(' 127.0.0.1, 10.0.0.0/8,::1 ,fd00::/8, loopback,192.168.0.0/255.255.0.0'),
      ['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8', 'loopback', '192.168.0.0/255.255.0.0'],
    );
    assert.deepEqual(serverSettings({ APPEL_TRUST_PROXY: '10.1.2.3' }), { trustProxy: ['10.1.2.3'] });
    assert.deepEqual(serverSettings({}), { trustProxy: false });
  });

  it('refuses a hop count (Fastify would trust nobody) and what is not an address, saying so', () => {
    assert.throws(
      () => parseTrustProxy('1'),
      (e) => isUsage(e) && /un nombre de relais/.test(String(e)),
    );
    assert.throws(() => serverSettings({ APPEL_TRUST_PROXY: '2' }), isUsage);
    for (const wrong of [
      'proxy.exemple.fr',
      '10.0.0.0/33',
      '::1/129',
      '10.0.0.1/8/8',
      '300.1.1.1',
      'yes please',
    ])
      assert.throws(() => parseTrustProxy(wrong), isUsage, wrong);
  });
});

/** Sign-in attempts that claim to come from `forwardedFor` through a proxy's header. */
async function attemptsFrom(desk: RunningDesk, forwardedFor: string, count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const visitor = new Visitor(desk.url);
    const { csrf } = await visitor.page('/connexion');
    const response = await visitor.post(
      '/connexion',
      { _csrf: csrf, email: `personne${i}@exemple.fr`, password: 'mauvais mot de passe', code: '111111' },
      { 'x-forwarded-for': forwardedFor },
    );
    statuses.push(response.status);
  }
  return statuses;
}

function behind(setting: string | undefined, believed: boolean) {
  describe(`sign-in per client address with APPEL_TRUST_PROXY ${setting === undefined ? 'unset' : `« ${setting} »`}`, () => {
    let desk: RunningDesk;
    before(async () => {
      const env = setting === undefined ? {} : { APPEL_TRUST_PROXY: setting };
      ({ desk } = await startTestDesk({
        ...serverSettings(env),
        signInPerAddress: 2,
        signInPerAccount: 1000,
      }));
    });
    after(() => desk.close());

    if (believed) {
      it('X-Forwarded-For decides the client’s address: one client spends its own attempts only', async () => {
        assert.deepEqual(await attemptsFrom(desk, '203.0.113.7', 3), [401, 401, 429]);
        assert.deepEqual(await attemptsFrom(desk, '198.51.100.20', 2), [401, 401], 'another client');
        assert.deepEqual(
          await attemptsFrom(desk, '192.0.2.1, 203.0.113.7', 1),
          [429],
          'the client nearest the proxy',
        );
      });
    } else {
      it('X-Forwarded-For is ignored: the connection’s address is the client’s', async () => {
        assert.deepEqual(await attemptsFrom(desk, '203.0.113.7', 2), [401, 401]);
        assert.deepEqual(
          await attemptsFrom(desk, '198.51.100.20', 1),
          [429],
          'a header does not buy attempts',
        );
      });
    }
  });
}

behind(undefined, false);
behind('127.0.0.1', true);
behind('loopback, 10.0.0.0/8', true);
behind('10.0.0.1', false);
