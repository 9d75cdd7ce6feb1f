import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { directoryFromMap } from '../../../src/domain/call/rules/postcodes.js';
import { splitBody } from '../../../src/domain/intake/body.js';
import { extractContact } from '../../../src/domain/intake/extract-contact.js';

const sender = { address: 'marie.dupont@example.fr', name: 'Marie Dupont' };
const postcodes = directoryFromMap({ '97400': ['Saint-Denis'], '75011': ['Paris'], '69003': ['Lyon'] });
const codes = (fs: { code: string }[]) => fs.map((f) => f.code);

describe('contact details from a message', () => {
  it('reads a Réunion mobile written nationally, thanks to the 974 postcode', () => {
    const text =
      'Bonjour,\nci-joint mon article.\n\nMarie Dupont\n12 rue de Paris\n97400 Saint-Denis\nTél. 0692 12 34 56';
    const c = extractContact(text, undefined, { sender, postcodes });
    assert.equal(c.phone, '+262 692 12 34 56');
    assert.equal(c.phones[0]?.region, 'RE');
    assert.equal(c.phones[0]?.type, 'MOBILE');
    assert.equal(c.postalAddress, '12 rue de Paris\n97400 Saint-Denis');
    assert.equal(c.addresses[0]?.verified, true);
    assert.deepEqual(codes(c.findings), ['intake.sole_author_assumed']);
  });

  it('reads a French mobile in national and in international form as the same number', () => {
    for (const written of [
      '06 12 34 56 78',
      '06.12.34.56.78',
      '+33 6 12 34 56 78',
      '+33 (0)6 12 34 56 78',
      '0033 6 12 34 56 78',
    ]) {
      const c = extractContact(`Mon numéro : ${written}\n8 place Bellecour\n69003 Lyon`, undefined, {
        postcodes,
      });
      assert.equal(c.phones.length, 1, written);
      assert.equal(c.phones[0]?.e164, '+33612345678', written);
      assert.equal(c.phones[0]?.region, 'FR', written);
    }
  });

  it('keeps both numbers when two are given, the signature’s first', () => {
    const c = extractContact('Fixe : 01 23 45 67 89', 'Mobile : 07 68 12 34 56');
    assert.deepEqual(
      c.phones.map((p) => p.e164),
      ['+33768123456', '+33123456789'],
    );
  });

  it('says what is missing when there is no phone and no address, with how to send it', () => {
    const c = extractContact('Bonjour, voici mon article.', undefined, { sender });
    assert.deepEqual(codes(c.findings), [
      'intake.phone_not_found',
      'intake.address_not_found',
      'intake.sole_author_assumed',
    ]);
    const phone = c.findings[0];
    assert.equal(phone?.severity, 'error');
    assert.match(phone?.message.fr ?? '', /pas trouvé de numéro de téléphone/);
    assert.match(phone?.fix?.fr ?? '', /^Répondez à ce message/);
    assert.ok(phone?.message.en);
    assert.equal(c.phone, undefined);
    assert.equal(c.postalAddress, undefined);
  });

  it('does not report what the call does not ask for', () => {
    const c = extractContact('Bonjour.', undefined, {
      sender,
      required: { phone: false, postalAddress: false },
    });
    assert.deepEqual(codes(c.findings), ['intake.sole_author_assumed']);
  });

  it('does not take figures in a sentence for a postcode', () => {
    const c = extractContact(
      'Le budget est de 10 000 euros.\n75 000 personnes sont concernées\nen 2024 35000 Rennes',
      undefined,
    );
    assert.deepEqual(c.addresses, []);
  });

  it('reads an address on one line, and flags one whose commune does not match', () => {
    const one = extractContact('Adresse : 5 avenue Jean Jaurès, 69003 Lyon, France', undefined, {
      postcodes,
    });
    assert.equal(one.addresses[0]?.street, 'Adresse : 5 avenue Jean Jaurès');
    assert.equal(one.addresses[0]?.commune, 'Lyon');
    assert.equal(one.addresses[0]?.verified, true);
    const wrong = extractContact('5 avenue Jean Jaurès\n69003 Marseille', undefined, { postcodes });
    assert.equal(wrong.addresses[0]?.verified, false);
    assert.equal(extractContact('5 avenue Jean Jaurès\n69003 Lyon CEDEX 03').addresses[0]?.commune, 'Lyon');
  });

  it('ignores the journal’s own number and the details quoted from our receipt', () => {
    const reply =
      'Voici mon numéro : 06 12 34 56 78\n\nLe sam. 1 mars 2025 à 10:00, Sociographe <appel@journal.example> a écrit :\n> Sociographe, 1 rue du Journal, 34000 Montpellier\n> Tél. 04 67 00 00 00';
    const { own } = splitBody(reply);
    const c = extractContact(own, undefined, { ignorePhones: ['+33467000000'] });
    assert.deepEqual(
      c.phones.map((p) => p.e164),
      ['+33612345678'],
    );
    assert.deepEqual(c.addresses, []);
  });
});

describe('authors named in a message', () => {
  it('the sender alone is the sole author and the contact', () => {
    const c = extractContact('Bonjour.', undefined, { sender });
    assert.deepEqual(c.authors, [
      {
        givenName: 'Marie',
        surname: 'Dupont',
        email: 'marie.dupont@example.fr',
        isContact: true,
        isSender: true,
      },
    ]);
  });

  it('reads a list of co-authors and the contact named among them', () => {
    const text =
      'Auteurs : Marie DUPONT, Jean-Paul Martin (jp.martin@example.fr) et Léa de La Fontaine\nContact : Jean-Paul Martin';
    const c = extractContact(text, undefined, { sender });
    assert.deepEqual(
      c.authors.map((a) => [a.givenName, a.surname, a.email, a.isContact, a.isSender]),
      [
        ['Marie', 'DUPONT', 'marie.dupont@example.fr', false, true],
        ['Jean-Paul', 'Martin', 'jp.martin@example.fr', true, false],
        ['Léa', 'de La Fontaine', undefined, false, false],
      ],
    );
    assert.ok(!codes(c.findings).includes('intake.sole_author_assumed'));
  });

  it('co-authors without a contact: nobody is marked (the call’s rule then asks)', () => {
    const c = extractContact('Article co-écrit avec Jean Martin.', undefined, { sender });
    assert.deepEqual(
      c.authors.map((a) => [a.surname, a.isContact]),
      [
        ['Dupont', false],
        ['Martin', false],
      ],
    );
  });

  it('"je serai la personne à contacter" makes the sender the contact; "(contact)" marks one', () => {
    const self = extractContact(
      'Co-auteurs : Marie Dupont et Jean Martin. Je serai la personne à contacter.',
      undefined,
      { sender },
    );
    assert.deepEqual(
      self.authors.map((a) => a.isContact),
      [true, false],
    );
    const marked = extractContact('Auteurs : Marie Dupont, Jean Martin (contact)', undefined, { sender });
    assert.deepEqual(
      marked.authors.map((a) => a.isContact),
      [false, true],
    );
  });

  it('no name anywhere: a finding asks for the authors', () => {
    const c = extractContact('Bonjour.', undefined, { sender: { address: 'x@example.fr', name: '' } });
    assert.deepEqual(c.authors, []);
    assert.ok(codes(c.findings).includes('intake.name_not_found'));
  });
});

describe('message body', () => {
  it('splits off the signature and drops quoted text', () => {
    const parts = splitBody('Bonjour,\nmon texte.\n> cité\nCordialement,\nMarie Dupont\n06 12 34 56 78');
    assert.equal(parts.own, 'Bonjour,\nmon texte.\nCordialement,\nMarie Dupont\n06 12 34 56 78');
    assert.equal(parts.signature, 'Marie Dupont\n06 12 34 56 78');
    assert.equal(splitBody('Texte\n-- \nSignature').signature, 'Signature');
    const outlook = splitBody(
      'Ma réponse\n\nDe : Sociographe\nEnvoyé : samedi 1 mars 2025\nÀ : Marie\nObjet : Accusé',
    );
    assert.equal(outlook.own, 'Ma réponse');
  });
});
