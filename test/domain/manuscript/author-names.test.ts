import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nameFinder, replaceNames } from '../../../src/domain/manuscript/author-names.js';

const ELOISE = { givenName: 'Éloïse', surname: 'Dupré', email: 'eloise.dupre@exemple.fr' };
const JEAN_MARC = { givenName: 'Jean-Marc', surname: 'Le Gall' };
const finder = nameFinder([ELOISE, JEAN_MARC]);
const anonymous = (text: string) => {
  assert.ok(finder);
  return replaceNames(text, finder).text;
};

describe('finding the authors in a text (for the anonymised copy)', () => {
  it('finds the full name in either order, with an initial, and the surname alone', () => {
    assert.equal(anonymous('Par Éloïse Dupré et Jean-Marc Le Gall.'), 'Par [Auteur] et [Auteur].');
    assert.equal(anonymous('DUPRÉ, Éloïse (2019)'), '[Auteur] (2019)');
    assert.equal(anonymous('É. Dupré montre que'), '[Auteur] montre que');
    assert.equal(anonymous('comme le note Dupre (2021)'), 'comme le note [Auteur] (2021)', 'accents ignored');
  });

  it('takes any space between the parts of a name, and the e-mail address whole', () => {
    assert.equal(anonymous('Éloïse\u00a0Dupré'), '[Auteur]');
    assert.equal(anonymous('Jean-Marc  Le\u202fGall'), '[Auteur]');
    assert.equal(anonymous('écrire à eloise.dupre@exemple.fr.'), 'écrire à [Auteur].');
    assert.equal(
      anonymous('ou à dupre@autre.org'),
      'ou à [Auteur]@autre.org',
      'a surname in another address',
    );
  });

  it('leaves words that only contain a name, and given names alone', () => {
    assert.equal(anonymous('Duprési et Legall, Éloïse seule'), 'Duprési et Legall, Éloïse seule');
  });

  it('keeps the text around each match as it was, accents and case included', () => {
    const text = 'Écrit par ÉLOÏSE DUPRÉ — « Dupré » — fin';
    assert.equal(anonymous(text), 'Écrit par [Auteur] — « [Auteur] » — fin');
  });

  it('has nothing to look for without a surname', () => {
    assert.equal(nameFinder([{ givenName: 'Éloïse', surname: '' }]), null);
    assert.equal(nameFinder([]), null);
  });
});
