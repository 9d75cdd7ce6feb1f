import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkAuthorOrder, printOrder, sortingSurname } from '../../../src/domain/call/rules/author-order.js';
import { checkContactPerson, contactPerson } from '../../../src/domain/call/rules/contact-person.js';
import { checkNaturalPersons } from '../../../src/domain/call/rules/natural-persons.js';
import { SOCIOGRAPHE_81 } from '../../../src/domain/call/sociographe-81.js';
import type { Author } from '../../../src/domain/submission/author.js';

function author(givenName: string, surname: string, more: Partial<Author> = {}): Author {
  return { givenName, surname, isContact: false, ...more };
}
const codes = (fs: { code: string }[]) => fs.map((f) => f.code);
const surnames = (as: Author[]) => as.map((a) => a.surname);
const call = SOCIOGRAPHE_81;

describe('author order: French sorting', () => {
  it('sets the particle « de » aside: « de La Fontaine » sorts under L, after « Dupont »', () => {
    assert.equal(sortingSurname('de La Fontaine'), 'La Fontaine');
    const sorted = printOrder([author('Jean', 'de La Fontaine'), author('Marie', 'Dupont')], call);
    assert.deepEqual(surnames(sorted), ['Dupont', 'de La Fontaine']);
  });

  it('keeps « Le » as part of the name, word by word: « Le Goff » before « Lebrun »', () => {
    const sorted = printOrder([author('Paul', 'Lebrun'), author('Anne', 'Le Goff')], call);
    assert.deepEqual(surnames(sorted), ['Le Goff', 'Lebrun']);
  });

  it('lets accents only break ties: « Émile » before « Eric », and not after « Z »', () => {
    const sorted = printOrder([author('A', 'Zola'), author('B', 'Eric'), author('C', 'Émile')], call);
    assert.deepEqual(surnames(sorted), ['Émile', 'Eric', 'Zola']);
  });

  it('handles « d’ », « du », « des » and foreign particles as documented', () => {
    assert.equal(sortingSurname('d’Alembert'), 'Alembert');
    assert.equal(sortingSurname("d'Alembert"), 'Alembert');
    assert.equal(sortingSurname('du Bellay'), 'du Bellay');
    assert.equal(sortingSurname('des Essarts'), 'des Essarts');
    assert.equal(sortingSurname('van der Berg'), 'Berg');
    assert.equal(sortingSurname('von Humboldt'), 'Humboldt');
    assert.equal(sortingSurname('Van Damme'), 'Van Damme');
    assert.equal(sortingSurname('De Smet'), 'De Smet');
    assert.equal(sortingSurname('de'), 'de');
  });

  it('sorts by given name when the surnames are the same', () => {
    const sorted = printOrder([author('Zoé', 'Martin'), author('Adèle', 'Martin')], call);
    assert.deepEqual(
      sorted.map((a) => a.givenName),
      ['Adèle', 'Zoé'],
    );
  });

  it('keeps the given order when the authors asked for it, or when the call prints as given', () => {
    const given = [author('P', 'Lebrun'), author('A', 'Le Goff')];
    assert.deepEqual(surnames(printOrder(given, call, true)), ['Lebrun', 'Le Goff']);
    const asGiven = { authors: { ...call.authors, order: 'as-given' as const } };
    assert.deepEqual(surnames(printOrder(given, asGiven)), ['Lebrun', 'Le Goff']);
    const noChoice = { authors: { ...call.authors, authorsMayChooseOrder: false } };
    assert.deepEqual(surnames(printOrder(given, noChoice, true)), ['Le Goff', 'Lebrun']);
  });
});

describe('author order rule', () => {
  it('warns that the order will change, with the printed order and how to ask otherwise', () => {
    const [f] = checkAuthorOrder(
      call,
      [author('Marie', 'Dupont'), author('Jean', 'de La Fontaine')].reverse(),
    );
    assert.equal(f?.code, 'authors.order_will_change');
    assert.equal(f?.severity, 'warning');
    assert.match(f?.message.fr ?? '', /Marie Dupont, Jean de La Fontaine/);
    assert.ok(f?.fix);
  });
  it('says when the order is already alphabetical, or as requested', () => {
    const ordered = [author('Marie', 'Dupont'), author('Jean', 'de La Fontaine')];
    assert.deepEqual(codes(checkAuthorOrder(call, ordered)), ['authors.order_alphabetical']);
    assert.deepEqual(codes(checkAuthorOrder(call, [...ordered].reverse(), true)), [
      'authors.order_as_requested',
    ]);
  });
  it('has nothing to say for a single author, and is not checked without authors', () => {
    assert.deepEqual(codes(checkAuthorOrder(call, [author('A', 'B')])), []);
    assert.deepEqual(codes(checkAuthorOrder(call, undefined)), ['authors.order.not_checked']);
  });
});

describe('contact person rule', () => {
  it('accepts exactly one contact with an e-mail', () => {
    const authors = [author('A', 'Un', { isContact: true, email: 'a@exemple.fr' }), author('B', 'Deux')];
    assert.deepEqual(codes(checkContactPerson(call, authors)), ['authors.contact_ok']);
    assert.equal(contactPerson(authors)?.surname, 'Un');
  });
  it('refuses two contact persons', () => {
    const authors = [
      author('A', 'Un', { isContact: true, email: 'a@exemple.fr' }),
      author('B', 'Deux', { isContact: true, email: 'b@exemple.fr' }),
    ];
    const [f] = checkContactPerson(call, authors);
    assert.equal(f?.code, 'authors.several_contacts');
    assert.equal(f?.severity, 'error');
    assert.equal(contactPerson(authors), undefined);
  });
  it('refuses co-authors without a contact', () => {
    const [f] = checkContactPerson(call, [author('A', 'Un'), author('B', 'Deux')]);
    assert.equal(f?.code, 'authors.no_contact');
    assert.equal(f?.severity, 'error');
  });
  it('takes a sole author as the contact, but needs their e-mail', () => {
    assert.deepEqual(codes(checkContactPerson(call, [author('A', 'Un', { email: 'a@exemple.fr' })])), [
      'authors.contact_ok',
    ]);
    assert.deepEqual(codes(checkContactPerson(call, [author('A', 'Un')])), ['authors.contact_without_email']);
    assert.deepEqual(codes(checkContactPerson(call, [author('A', 'Un', { email: 'pas une adresse' })])), [
      'authors.contact_without_email',
    ]);
  });
  it('refuses no author at all, and is not checked without authors', () => {
    assert.deepEqual(codes(checkContactPerson(call, [])), ['authors.none']);
    assert.deepEqual(codes(checkContactPerson(call, undefined)), ['authors.contact.not_checked']);
  });
});

describe('natural persons rule', () => {
  it('flags an association as author for confirmation (a warning, not a refusal)', () => {
    const [f] = checkNaturalPersons([author('', 'Association Les Amis du Travail Social')]);
    assert.equal(f?.code, 'authors.looks_like_organisation');
    assert.equal(f?.severity, 'warning');
    assert.equal(f?.data?.word, 'association');
    assert.ok(f?.fix);
  });
  it('recognises organisation words whatever the accents and case', () => {
    for (const name of [
      'IRTS Paris Île-de-France',
      'Université de Lyon',
      'Mairie de Nîmes',
      'Dupont SARL',
      'Collectif Numérique',
    ]) {
      assert.deepEqual(
        codes(checkNaturalPersons([author('', name)])),
        ['authors.looks_like_organisation'],
        name,
      );
    }
  });
  it('does not flag ordinary names, and flags a missing given name', () => {
    assert.deepEqual(
      codes(checkNaturalPersons([author('Alexis', 'Mombelet'), author('Jean-Marc', 'Glénat')])),
      [],
    );
    assert.deepEqual(codes(checkNaturalPersons([author('', 'Dupont')])), ['authors.given_name_missing']);
  });
  it('is not checked without authors', () => {
    assert.deepEqual(codes(checkNaturalPersons(undefined)), ['authors.natural_persons.not_checked']);
  });
});
