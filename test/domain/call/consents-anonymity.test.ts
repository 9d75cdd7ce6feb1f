import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkAnonymity } from '../../../src/domain/call/rules/anonymity.js';
import { checkConsents } from '../../../src/domain/call/rules/consents.js';
import { checkHouseStyle } from '../../../src/domain/call/rules/house-style.js';
import type { Call } from '../../../src/domain/call/schema.js';
import { SOCIOGRAPHE_81 } from '../../../src/domain/call/sociographe-81.js';
import type { Author } from '../../../src/domain/submission/author.js';

const codes = (fs: { code: string }[]) => fs.map((f) => f.code);
const call = SOCIOGRAPHE_81;

describe('consents rule', () => {
  it('accepts both consents', () => {
    assert.deepEqual(codes(checkConsents(call, { onlinePublication: true, freeOfCharge: true })), [
      'consents.ok',
    ]);
  });
  it('refuses missing consents, one error each, with how to give them', () => {
    const fs = checkConsents(call, {});
    assert.deepEqual(codes(fs), ['consents.online_publication_missing', 'consents.free_of_charge_missing']);
    assert.ok(fs.every((f) => f.severity === 'error' && f.fix));
  });
  it('refuses a consent answered no', () => {
    const fs = checkConsents(call, { onlinePublication: false, freeOfCharge: true });
    assert.deepEqual(codes(fs), ['consents.online_publication_missing']);
    assert.equal(fs[0]?.data?.given, false);
  });
  it('asks only what the call asks', () => {
    const lenient = { consents: { onlinePublication: false, freeOfCharge: true } };
    assert.deepEqual(codes(checkConsents(lenient, { freeOfCharge: true })), ['consents.ok']);
  });
  it('is not checked without answers', () => {
    assert.deepEqual(codes(checkConsents(call, undefined)), ['consents.not_checked']);
  });
});

describe('anonymity hints (information only)', () => {
  const authors: Author[] = [{ givenName: 'Jean', surname: 'Glénat', isContact: true }];
  it('finds an author name in the document properties, accents and case aside', () => {
    const fs = checkAnonymity(authors, { creator: 'jean glenat', lastModifiedBy: 'Secrétariat' });
    assert.deepEqual(codes(fs), ['anonymity.name_in_properties']);
    assert.equal(fs[0]?.severity, 'info');
    assert.match(fs[0]?.message.fr ?? '', /auteur/);
  });
  it('counts whole-word occurrences in the text only', () => {
    const fs = checkAnonymity(authors, { text: 'Glénat (2019) écrit… Les Glénatiens. GLENAT, op. cit.' });
    assert.deepEqual(codes(fs), ['anonymity.name_in_text']);
    assert.equal(fs[0]?.data?.occurrences, 2);
  });
  it('says nothing when the name is absent, and is not checked without inputs', () => {
    assert.deepEqual(codes(checkAnonymity(authors, { creator: 'Utilisateur', text: 'Rien.' })), []);
    assert.deepEqual(codes(checkAnonymity(authors, undefined)), ['anonymity.not_checked']);
    assert.deepEqual(codes(checkAnonymity(undefined, { text: 'x' })), ['anonymity.not_checked']);
  });
});

describe('house-style checks', () => {
  const withChecks: Pick<Call, 'houseStyle'> = {
    houseStyle: [
      { id: 'site', kind: 'reminder', label: { fr: 'Voir le site.', en: 'See the site.' }, severity: 'info' },
      {
        id: 'double-spaces',
        kind: 'avoid-text',
        pattern: ' {2,}',
        label: { fr: 'Évitez les doubles espaces', en: 'Avoid double spaces' },
        severity: 'warning',
      },
    ],
  };
  it('shows reminders and counts the patterns to avoid', () => {
    const fs = checkHouseStyle(withChecks, 'Un  texte  avec   espaces.');
    assert.deepEqual(codes(fs), ['house_style.site', 'house_style.double-spaces']);
    assert.equal(fs[1]?.data?.occurrences, 3);
    assert.equal(fs[1]?.severity, 'warning');
  });
  it('says nothing for a clean text, and lists the text checks as not checked without text', () => {
    assert.deepEqual(codes(checkHouseStyle(withChecks, 'Propre.')), ['house_style.site']);
    assert.deepEqual(codes(checkHouseStyle(withChecks, undefined)), [
      'house_style.site',
      'house_style.not_checked',
    ]);
  });
});
