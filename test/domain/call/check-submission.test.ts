import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkSubmission } from '../../../src/domain/call/check-submission.js';
import { directoryFromMap } from '../../../src/domain/call/rules/postcodes.js';
import { SOCIOGRAPHE_81 } from '../../../src/domain/call/sociographe-81.js';
import type { Author } from '../../../src/domain/submission/author.js';

const postcodes = directoryFromMap({ '97400': ['Saint-Denis'], '75011': ['Paris'] });
const contact: Author = {
  givenName: 'Marie',
  surname: 'Payet',
  email: 'marie.payet@exemple.re',
  phone: '0692 12 34 56',
  postalAddress: '12 rue des Lilas, 97400 Saint-Denis',
  isContact: true,
};

describe('checkSubmission', () => {
  it('lists every rule as not checked when nothing is given, and the verdict stays a pass', () => {
    const r = checkSubmission(SOCIOGRAPHE_81, {});
    assert.equal(r.passes, true);
    assert.deepEqual(r.notChecked, [
      'deadline.not_checked',
      'authors.contact.not_checked',
      'contact.address.not_checked',
      'contact.phone.not_checked',
      'authors.natural_persons.not_checked',
      'authors.order.not_checked',
      'consents.not_checked',
      'anonymity.not_checked',
    ]);
    assert.ok(r.findings.every((f) => f.severity === 'info'));
  });

  it('passes a complete submission from Réunion, using the contact person’s own details', () => {
    const r = checkSubmission(
      SOCIOGRAPHE_81,
      {
        authors: [contact, { givenName: 'Paul', surname: 'Hoarau', isContact: false }],
        consents: { onlinePublication: true, freeOfCharge: true },
        receivedAt: new Date('2022-09-01T19:00:00Z'),
        document: { creator: 'Utilisateur', text: 'Un texte.' },
      },
      { postcodes },
    );
    assert.equal(r.passes, true, JSON.stringify(r.findings.filter((f) => f.severity === 'error')));
    assert.deepEqual(r.notChecked, []);
    const codes = r.findings.map((f) => f.code);
    for (const c of ['deadline.on_time', 'authors.contact_ok', 'contact.address_ok', 'contact.phone_ok']) {
      assert.ok(codes.includes(c), c);
    }
  });

  it('lets explicit details (flags) override the contact person’s', () => {
    const r = checkSubmission(SOCIOGRAPHE_81, { authors: [contact], phone: '12' }, { postcodes });
    assert.equal(r.passes, false);
    assert.ok(r.findings.some((f) => f.code === 'contact.phone_invalid'));
  });

  it('fails on the rules that were given and failed, never on the others', () => {
    const r = checkSubmission(SOCIOGRAPHE_81, { consents: {} });
    assert.equal(r.passes, false);
    assert.ok(r.notChecked.includes('deadline.not_checked'));
  });

  it('does not ask for details the call does not require', () => {
    const call = { ...SOCIOGRAPHE_81, contactDetails: { phone: false, postalAddress: false } };
    const r = checkSubmission(call, {});
    assert.ok(!r.notChecked.includes('contact.phone.not_checked'));
    assert.ok(!r.notChecked.includes('contact.address.not_checked'));
  });

  it('keeps a late submission a pass: the coordinators decide', () => {
    const r = checkSubmission(SOCIOGRAPHE_81, { receivedAt: new Date('2022-09-05T10:00:00Z') });
    assert.equal(r.passes, true);
    assert.ok(r.findings.some((f) => f.code === 'deadline.late' && f.severity === 'warning'));
  });
});
