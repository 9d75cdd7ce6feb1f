import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findAuthors } from '../../../src/domain/intake/authors.js';

const sender = { address: 'claire.fontaine@exemple.fr', name: 'Claire Fontaine' };

/** Who a text names: « given|surname », a star for the sender, « (contact) » for the contact. */
function people(text: string): string[] {
  return findAuthors(text, sender).map(
    (a) => `${a.givenName}|${a.surname}${a.isSender ? '*' : ''}${a.isContact ? ' (contact)' : ''}`,
  );
}

describe('findAuthors: the words after a name are not another author', () => {
  it('« co-écrit avec Paul Mercier, pour le premier axe »: the sender and Paul Mercier', () => {
    assert.deepEqual(people('Voici mon article co-écrit avec Paul Mercier, pour le premier axe.'), [
      'Claire|Fontaine*',
      'Paul|Mercier',
    ]);
  });

  it('the same without a comma', () => {
    assert.deepEqual(people('Article co-écrit avec Paul Mercier pour le premier axe'), [
      'Claire|Fontaine*',
      'Paul|Mercier',
    ]);
  });

  it('« écrit avec Paul Mercier et Anne Dubois, sur l’axe 2 » (« écrit » with its accent first)', () => {
    for (const text of [
      'Je vous envoie un texte écrit avec Paul Mercier et Anne Dubois, sur l’axe 2.',
      "écrit avec Paul Mercier et Anne Dubois, sur l'axe 2",
    ]) {
      assert.deepEqual(people(text), ['Claire|Fontaine*', 'Paul|Mercier', 'Anne|Dubois'], text);
    }
  });

  it('« Paul Mercier (éducateur spécialisé) »: a note in brackets, even with a comma in it', () => {
    assert.deepEqual(people('co-écrit avec Paul Mercier (éducateur spécialisé), pour l’axe 1'), [
      'Claire|Fontaine*',
      'Paul|Mercier',
    ]);
    assert.deepEqual(people('Auteurs : Paul Mercier (éducateur spécialisé, IRTS) et Anne Dubois'), [
      'Paul|Mercier',
      'Anne|Dubois',
    ]);
  });

  it('a role written after the name, in lower case, is not a person', () => {
    assert.deepEqual(people('co-écrit avec Paul Mercier, éducateur spécialisé à Lyon'), [
      'Claire|Fontaine*',
      'Paul|Mercier',
    ]);
  });

  it('a list, then the rest of the sentence', () => {
    assert.deepEqual(
      people('co-écrit avec Paul Mercier, Anne Dubois et Marc Petit dans le cadre du premier axe'),
      ['Claire|Fontaine*', 'Paul|Mercier', 'Anne|Dubois', 'Marc|Petit'],
    );
  });

  it('« écrit avec soin », « avec le soutien de … »: no co-author', () => {
    assert.deepEqual(people('Un texte écrit avec soin.'), ['Claire|Fontaine* (contact)']);
    assert.deepEqual(people('Article écrit avec le soutien de Marie Dupont.'), [
      'Claire|Fontaine* (contact)',
    ]);
  });
});

describe('findAuthors: what it already read', () => {
  it('a list with capitals, an address in brackets, particles, and the contact named', () => {
    const text =
      'Auteurs : Marie DUPONT, Jean-Paul Martin (jp.martin@example.fr) et Léa de La Fontaine\nContact : Jean-Paul Martin';
    assert.deepEqual(people(text), ['Marie|DUPONT', 'Jean-Paul|Martin (contact)', 'Léa|de La Fontaine']);
    assert.equal(findAuthors(text, sender)[1]?.email, 'jp.martin@example.fr');
  });

  it('the contact marked in brackets, and an address in angle brackets', () => {
    assert.deepEqual(people('Auteurs : Marie Dupont <marie@exemple.fr>, Jean Martin (contact)'), [
      'Marie|Dupont',
      'Jean|Martin (contact)',
    ]);
  });

  it('« co-écrit avec Jean Martin. », titles, and the sender alone when nobody is named', () => {
    assert.deepEqual(people('Article co-écrit avec Jean Martin.'), ['Claire|Fontaine*', 'Jean|Martin']);
    assert.deepEqual(people('co-écrit avec Mme Anne Dubois'), ['Claire|Fontaine*', 'Anne|Dubois']);
    assert.deepEqual(people('Bonjour, voici ma proposition.'), ['Claire|Fontaine* (contact)']);
  });
});
