import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAddress } from '../../../src/domain/call/rules/address.js';
import { checkPhone } from '../../../src/domain/call/rules/phone.js';
import { checkPostalAddress } from '../../../src/domain/call/rules/postal-address.js';
import { directoryFromMap, phoneRegionForPostcode } from '../../../src/domain/call/rules/postcodes.js';

const codes = (fs: { code: string }[]) => fs.map((f) => f.code);

describe('phone rule', () => {
  it('accepts a French mobile in national form', () => {
    const [f] = checkPhone('06 12 34 56 78');
    assert.equal(f?.code, 'contact.phone_ok');
    assert.equal(f?.data?.region, 'FR');
    assert.equal(f?.data?.type, 'MOBILE');
  });

  it('accepts the same mobile in international form, with or without spaces', () => {
    for (const p of ['+33 6 12 34 56 78', '+33612345678', '0033 6 12 34 56 78']) {
      assert.deepEqual(codes(checkPhone(p, '75011')), ['contact.phone_ok'], p);
    }
  });

  it('reads a national number in the region of a Réunion postcode (974 → RE)', () => {
    const [f] = checkPhone('0692 12 34 56', '97400');
    assert.equal(f?.code, 'contact.phone_ok');
    assert.equal(f?.data?.region, 'RE');
    assert.equal(f?.fix, undefined);
    assert.match(f?.message.fr ?? '', /La Réunion/);
  });

  it('accepts a +262 number whatever the postcode', () => {
    const [f] = checkPhone('+262 692 12 34 56', '75011');
    assert.equal(f?.code, 'contact.phone_ok');
    assert.equal(f?.data?.region, 'RE');
  });

  it('accepts a Réunion number with a metropolitan postcode, and suggests the international form', () => {
    const [f] = checkPhone('0692 12 34 56', '69001');
    assert.equal(f?.code, 'contact.phone_ok');
    assert.equal(f?.data?.region, 'RE');
    assert.ok(f?.fix, 'asks for the international form');
  });

  it('maps the overseas postcodes to their phone regions', () => {
    assert.equal(phoneRegionForPostcode('97110'), 'GP');
    assert.equal(phoneRegionForPostcode('97200'), 'MQ');
    assert.equal(phoneRegionForPostcode('97300'), 'GF');
    assert.equal(phoneRegionForPostcode('97400'), 'RE');
    assert.equal(phoneRegionForPostcode('97600'), 'YT');
    assert.equal(phoneRegionForPostcode('97133'), 'BL');
    assert.equal(phoneRegionForPostcode('75011'), 'FR');
    assert.equal(phoneRegionForPostcode(undefined), 'FR');
  });

  it('accepts a Guadeloupe landline with a 971 postcode', () => {
    assert.equal(checkPhone('0590 12 34 56', '97110')[0]?.data?.region, 'GP');
  });

  it('refuses an invalid number and says how to write it', () => {
    for (const [p, reason] of [
      ['06 12 34', 'TOO_SHORT'],
      ['06 12 34 56 78 90', 'TOO_LONG'],
      ['bonjour', 'NOT_A_NUMBER'],
    ] as const) {
      const [f] = checkPhone(p);
      assert.equal(f?.code, 'contact.phone_invalid', p);
      assert.equal(f?.severity, 'error');
      assert.equal(f?.data?.reason, reason);
      assert.ok(f?.fix?.fr.includes('06 12 34 56 78'));
    }
  });

  it('never repeats the number in its messages (personal data)', () => {
    const [f] = checkPhone('06 12 34 56 78');
    assert.ok(!JSON.stringify(f).includes('12 34 56'));
  });

  it('reports a missing number as an error, and an absent one as not checked', () => {
    assert.deepEqual(codes(checkPhone('  ')), ['contact.phone_missing']);
    assert.deepEqual(codes(checkPhone('', undefined, false)), []);
    assert.deepEqual(codes(checkPhone(undefined)), ['contact.phone.not_checked']);
  });
});

describe('postal address: reading', () => {
  it('finds the postcode and commune on one line or several', () => {
    assert.deepEqual(parseAddress('12 rue des Lilas, 97400 Saint-Denis'), {
      postcode: '97400',
      commune: 'Saint-Denis',
      cedex: false,
      hasStreet: true,
    });
    assert.equal(parseAddress('12 rue des Lilas\n97400 ST DENIS\nLa Réunion').commune, 'ST DENIS');
    assert.equal(parseAddress('3 place du Marché 75 011 Paris').postcode, '75011');
  });
  it('takes the last five-digit group, not a PO box or a phone number', () => {
    assert.equal(parseAddress('BP 40123 - 13001 Marseille').postcode, '13001');
    assert.equal(parseAddress('Tél. 0612345678, 5 rue X 33000 Bordeaux').postcode, '33000');
  });
  it('recognises a CEDEX address and strips it from the commune', () => {
    const a = parseAddress('BP 12, 13331 Marseille Cedex 03');
    assert.equal(a.cedex, true);
    assert.equal(a.commune, 'Marseille');
  });
});

describe('postal address rule', () => {
  const directory = directoryFromMap({
    '97400': ['Saint-Denis'],
    '75011': ['Paris', 'Paris 11e Arrondissement'],
    '92120': ['Montrouge'],
  });

  it('accepts a matching postcode and commune, accents, case and « St » aside', () => {
    for (const a of [
      '12 rue des Lilas, 97400 Saint-Denis',
      '12 rue des Lilas 97400 ST DENIS La Réunion',
      '1 rue Y 75011 Paris 11e',
    ]) {
      assert.deepEqual(codes(checkPostalAddress(a, directory)), ['contact.address_ok'], a);
    }
  });

  it('warns on an unknown postcode, never refuses', () => {
    const [f] = checkPostalAddress('4 rue Y, 99999 Nulle-Part', directory);
    assert.equal(f?.code, 'contact.postcode_unknown');
    assert.equal(f?.severity, 'warning');
  });

  it('warns when the commune does not match the postcode, and names the expected ones', () => {
    const [f] = checkPostalAddress('3 place X, 92120 Lyon', directory);
    assert.equal(f?.code, 'contact.commune_mismatch');
    assert.equal(f?.severity, 'warning');
    assert.match(f?.message.fr ?? '', /«\u202fMontrouge\u202f»/);
  });

  it('only informs for a CEDEX code missing from the public list', () => {
    const [f] = checkPostalAddress('BP 12, 13331 Marseille Cedex 03', directory);
    assert.equal(f?.code, 'contact.postcode_cedex');
    assert.equal(f?.severity, 'info');
  });

  it('warns when there is no postcode (an address abroad may ignore it)', () => {
    assert.deepEqual(codes(checkPostalAddress('Rue de la Loi 16, 1000 Bruxelles, Belgique', directory)), [
      'contact.postcode_not_found',
    ]);
  });

  it('warns on a missing street or commune', () => {
    assert.deepEqual(codes(checkPostalAddress('75011 Paris', directory)), [
      'contact.street_missing',
      'contact.address_ok',
    ]);
    assert.deepEqual(codes(checkPostalAddress('12 rue Z, 75011', directory)), ['contact.commune_missing']);
  });

  it('reads the postcode without verifying it when no directory is given', () => {
    assert.deepEqual(codes(checkPostalAddress('12 rue Z, 75011 Paris', undefined)), [
      'contact.postcode_not_verified',
    ]);
  });

  it('reports a missing address as an error, and an absent one as not checked', () => {
    assert.deepEqual(codes(checkPostalAddress('', directory)), ['contact.address_missing']);
    assert.equal(checkPostalAddress('', directory)[0]?.severity, 'error');
    assert.deepEqual(codes(checkPostalAddress(undefined, directory)), ['contact.address.not_checked']);
  });
});
