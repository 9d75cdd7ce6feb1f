import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { callText } from '../../../src/domain/call/call-text.js';
import { checkSubmission } from '../../../src/domain/call/check-submission.js';
import { validateCall } from '../../../src/domain/call/parse-call.js';
import { directoryFromMap } from '../../../src/domain/call/rules/postcodes.js';
import { SOCIOGRAPHE_81 } from '../../../src/domain/call/sociographe-81.js';
import type { Message } from '../../../src/domain/shared/message.js';
import { frenchTypography } from '../../../src/domain/shared/typography.js';
import type { Author } from '../../../src/domain/submission/author.js';

function assertFrench(m: Message | undefined) {
  if (!m) return;
  assert.doesNotMatch(m.fr, / [:;!?](\s|$)/, `ordinary space before : ; ! ? in « ${m.fr} »`);
  assert.doesNotMatch(m.fr, /« | »/, `ordinary space inside « » in « ${m.fr} »`);
  assert.doesNotMatch(m.fr, /'/, `straight apostrophe in « ${m.fr} »`);
  assert.notEqual(m.en, '');
}

const a = (givenName: string, surname: string, more: Partial<Author> = {}): Author => ({
  givenName,
  surname,
  isContact: false,
  ...more,
});

describe('French typography', () => {
  it('puts no-break spaces where French wants them', () => {
    assert.equal(
      frenchTypography('Date : « oui » ; non ! quoi ?'),
      'Date\u00a0: «\u202foui\u202f»\u202f; non\u202f! quoi\u202f?',
    );
    assert.equal(frenchTypography('https://x.fr 23:59'), 'https://x.fr 23:59');
  });

  it('puts a no-break space after n° and N°, as the letters do', () => {
    assert.equal(frenchTypography('Sociographe n° 81'), 'Sociographe n°\u00a081');
    assert.equal(frenchTypography('N°12 et n°\u202fA'), 'N°\u00a012 et n°\u00a0A');
    assert.equal(frenchTypography('Numéro (n°) : 81'), 'Numéro (n°)\u00a0: 81');
    assert.equal(frenchTypography('un° 3, 20° C'), 'un° 3, 20° C');
  });

  it('changes nothing when applied again', () => {
    const once = frenchTypography('Date : « oui » ; non ! quoi ? n° 81');
    assert.equal(frenchTypography(once), once);
  });

  it('is kept in every French message of the submission rules', () => {
    const postcodes = directoryFromMap({ '75011': ['Paris'] });
    const variants = [
      {},
      {
        authors: [
          a('', 'Association Zèbre', { isContact: true }),
          a('Jean', 'de La Fontaine', { isContact: true }),
        ],
        phone: '12',
        postalAddress: '1 rue X, 75011 Lyon',
        consents: {},
        receivedAt: new Date('2022-09-03T10:00:00Z'),
        document: { creator: 'Zèbre', text: 'Zèbre' },
      },
      { authors: [a('B', 'Lebrun'), a('A', 'Le Goff')], postalAddress: '75011', phone: '0692 12 34 56' },
      { authors: [a('A', 'Un', { email: 'a@b.fr' })], postalAddress: '1 rue X 99999 Y', phone: '' },
      {
        authors: [],
        postalAddress: 'BP 1, 13331 Marseille Cedex',
        receivedAt: new Date('2022-09-01T10:00:00Z'),
      },
      { postalAddress: '1 rue X, 75011' },
      { postalAddress: 'Bruxelles' },
    ];
    for (const facts of variants) {
      for (const f of checkSubmission(SOCIOGRAPHE_81, facts, { postcodes }).findings) {
        assertFrench(f.message);
        assertFrench(f.fix);
      }
    }
  });

  it('is kept in every French message of call validation', () => {
    const r = validateCall({
      jounral: 1,
      deadline: { date: '2022-02-30', timeZone: 'X' },
      manuscript: { minSignes: 9, maxSignes: 1 },
    });
    assert.ok(!r.ok);
    for (const p of r.problems) {
      assertFrench(p.message);
      assertFrench(p.fix);
    }
  });
});

describe('the call’s own texts as shown (callText)', () => {
  it('get French typography when the call is French, whatever the page’s language', () => {
    const axis = SOCIOGRAPHE_81.axes.find((x) => x.summary.includes(' ;'));
    assert.ok(axis, 'the embedded call has a line of inquiry with « ; »');
    const shown = callText(SOCIOGRAPHE_81, axis.summary);
    assert.ok(shown.includes('\u202f;') && !shown.includes(' ;'));
    assert.equal(callText(SOCIOGRAPHE_81, shown), shown, 'applied again, nothing changes');
  });

  it('stay as written when the call is in another language', () => {
    const english = { ...SOCIOGRAPHE_81, languages: ['en'] };
    assert.equal(callText(english, 'Scope: what ; where ?'), 'Scope: what ; where ?');
  });
});
