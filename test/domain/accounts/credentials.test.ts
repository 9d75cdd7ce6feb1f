import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  cleanTotpCode,
  groupByFour,
  looksLikeEmail,
  normaliseEmail,
  passwordProblem,
} from '../../../src/domain/accounts/credentials.js';
import { isRole, lifecycleActorOf } from '../../../src/domain/accounts/roles.js';

describe('what people type to sign in', () => {
  it('asks for a long password, not a complicated one', () => {
    assert.match(passwordProblem('court', 'a@b.fr')?.fr ?? '', /au moins 12 caractères/);
    assert.equal(passwordProblem('une phrase facile à retenir', 'a@b.fr'), null);
    assert.equal(
      passwordProblem('ééééééééééééé', 'a@b.fr')?.en,
      'This password is too easy to guess: choose another one.',
    );
    assert.ok(passwordProblem('claire@exemple.fr', 'Claire@exemple.fr'), 'not the address itself');
    assert.ok(passwordProblem('x'.repeat(257), 'a@b.fr'));
  });

  it('reads a code typed with spaces, and nothing else', () => {
    assert.equal(cleanTotpCode('123 456'), '123456');
    assert.equal(cleanTotpCode(' 123-456 '), '123456');
    assert.equal(cleanTotpCode('12345'), null);
    assert.equal(cleanTotpCode('12345a'), null);
  });

  it('shows a secret in groups of four', () => {
    assert.equal(groupByFour('ABCDEFGHIJ'), 'ABCD EFGH IJ');
  });

  it('finds an account whatever the case or spaces of its address', () => {
    assert.equal(normaliseEmail('  Claire.Petit@Exemple.FR '), 'claire.petit@exemple.fr');
    assert.equal(looksLikeEmail('claire@exemple.fr'), true);
    assert.equal(looksLikeEmail('claire@exemple'), false);
    assert.equal(looksLikeEmail('a b@exemple.fr'), false);
  });

  it('maps roles onto the transition table’s actors', () => {
    assert.equal(lifecycleActorOf('committee'), 'committee');
    assert.equal(lifecycleActorOf('coordinator'), 'coordinator');
    assert.equal(lifecycleActorOf('administrator'), 'coordinator');
    assert.equal(isRole('reviewer'), false);
  });
});
