import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ACCESS_ACTORS,
  accessMatrix,
  accessOf,
  ROUTE_RULES,
  ruleFor,
} from '../../../src/domain/accounts/authorisation.js';

describe('the authorisation matrix as data', () => {
  it('names each route once per method', () => {
    const keys = ROUTE_RULES.map((r) => `${r.method} ${r.path}`);
    assert.equal(new Set(keys).size, keys.length);
  });

  it('gives every session route at least one role, and no other route any', () => {
    for (const rule of ROUTE_RULES) {
      if (rule.proof === 'session') assert.ok((rule.roles?.length ?? 0) > 0, rule.path);
      else assert.equal(rule.roles, undefined, rule.path);
    }
  });

  it('finds a rule by the registered pattern, HEAD following GET; an unknown route has none', () => {
    assert.equal(ruleFor('GET', '/bureau')?.path, '/bureau');
    assert.equal(ruleFor('HEAD', '/bureau')?.path, '/bureau');
    assert.equal(ruleFor('post', '/bureau/actions')?.method, 'POST');
    assert.equal(ruleFor('POST', '/bureau'), null, 'a method not named is refused');
    assert.equal(ruleFor('GET', '/bureau/propositions/123'), null, 'patterns, not addresses');
    assert.equal(ruleFor('GET', '/ailleurs'), null);
  });

  it('keeps the desk from anonymous visitors and authors, exports and the deadline from the committee, accounts for administrators', () => {
    const access = (method: string, path: string) => {
      const rule = ruleFor(method, path);
      assert.ok(rule, path);
      return Object.fromEntries(ACCESS_ACTORS.map((a) => [a, accessOf(rule, a)]));
    };
    assert.deepEqual(access('GET', '/bureau'), {
      anonymous: 'sign-in',
      author: 'sign-in',
      committee: 'allowed',
      coordinator: 'allowed',
      administrator: 'allowed',
    });
    assert.equal(access('GET', '/bureau/export.csv').committee, 'forbidden');
    assert.equal(access('POST', '/bureau/appel/prolongation').committee, 'forbidden');
    assert.equal(access('POST', '/bureau/appel/prolongation').coordinator, 'allowed');
    assert.equal(access('GET', '/bureau/comptes').coordinator, 'forbidden');
    assert.equal(access('GET', '/bureau/comptes').administrator, 'allowed');
    assert.equal(access('GET', '/suivi/:token').author, 'with-link');
    assert.equal(
      access('GET', '/suivi/:token').coordinator,
      'with-link',
      'the link is the proof, for anyone',
    );
    assert.equal(access('GET', '/deposer').anonymous, 'allowed');
    assert.equal(access('GET', '/').anonymous, 'allowed');
  });

  it('is laid out as a table: one row per rule, one column per actor', () => {
    const matrix = accessMatrix();
    assert.equal(matrix.length, ROUTE_RULES.length);
    for (const row of matrix) assert.deepEqual(Object.keys(row.access), [...ACCESS_ACTORS]);
  });
});
