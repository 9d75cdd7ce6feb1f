import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { etalabPostcodes } from '../../src/adapters/postcodes/etalab.js';
import { checkPostalAddress } from '../../src/domain/call/rules/postal-address.js';

describe('official postcodes (@etalab/decoupage-administratif)', () => {
  it('knows metropolitan and overseas postcodes', () => {
    assert.ok(etalabPostcodes.communesFor('92120').includes('Montrouge'));
    assert.ok(etalabPostcodes.communesFor('30000').includes('Nîmes'));
    assert.ok(etalabPostcodes.communesFor('97400').includes('Saint-Denis'));
    assert.ok(etalabPostcodes.communesFor('97600').includes('Mamoudzou'));
    assert.ok(etalabPostcodes.communesFor('75011').includes('Paris'));
  });
  it('knows nothing of an unknown postcode', () => {
    assert.deepEqual(etalabPostcodes.communesFor('99999'), []);
  });
  it('backs the postal address rule', () => {
    assert.equal(
      checkPostalAddress('2 rue X, 97400 Saint-Denis', etalabPostcodes)[0]?.code,
      'contact.address_ok',
    );
    assert.equal(
      checkPostalAddress('2 rue X, 97400 Le Port', etalabPostcodes)[0]?.code,
      'contact.commune_mismatch',
    );
    assert.equal(
      checkPostalAddress('2 rue X, 00000 Nulle-Part', etalabPostcodes)[0]?.code,
      'contact.postcode_unknown',
    );
  });
});
