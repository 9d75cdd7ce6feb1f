import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SOCIOGRAPHE_81 } from '../../../src/domain/call/sociographe-81.js';
import { missingFieldsFor, requiredFieldsFor } from '../../../src/domain/submission/requirements.js';

const contactFields = [
  'contactPerson',
  'contactEmail',
  'phone',
  'postalAddress',
  'consentOnlinePublication',
  'consentFreeOfCharge',
];

describe('field requirements by status', () => {
  it('asks only for the manuscript while received, incomplete or late', () => {
    for (const s of ['received', 'incomplete', 'late'] as const)
      assert.deepEqual(requiredFieldsFor(s), ['manuscript']);
  });
  it('asks for contact details and consents from complete on', () => {
    for (const s of ['complete', 'in_review', 'accepted', 'contract_sent'] as const) {
      assert.deepEqual(requiredFieldsFor(s), ['manuscript', ...contactFields], s);
    }
  });
  it('asks for the signed contract from contract_signed on', () => {
    for (const s of ['contract_signed', 'in_issue', 'published'] as const) {
      assert.deepEqual(requiredFieldsFor(s), ['manuscript', ...contactFields, 'signedContract'], s);
    }
  });
  it('keeps only the manuscript for declined and withdrawn submissions', () => {
    assert.deepEqual(requiredFieldsFor('declined'), ['manuscript']);
    assert.deepEqual(requiredFieldsFor('withdrawn'), ['manuscript']);
  });
  it('lists what is missing, blanks counting as missing', () => {
    assert.deepEqual(
      missingFieldsFor('complete', {
        manuscript: true,
        contactPerson: true,
        contactEmail: 'a@exemple.fr',
        phone: '   ',
        consents: { onlinePublication: true },
      }),
      ['phone', 'postalAddress', 'consentFreeOfCharge'],
    );
    assert.deepEqual(missingFieldsFor('received', {}), ['manuscript']);
  });
  it('does not require what the call does not ask for', () => {
    const call = {
      ...SOCIOGRAPHE_81,
      contactDetails: { phone: false, postalAddress: true },
      contract: { required: false },
    };
    assert.ok(!requiredFieldsFor('published', call).includes('phone'));
    assert.ok(!requiredFieldsFor('published', call).includes('signedContract'));
    assert.ok(requiredFieldsFor('published', SOCIOGRAPHE_81).includes('signedContract'));
  });
});
