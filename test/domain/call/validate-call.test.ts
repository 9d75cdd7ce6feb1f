import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SOCIOGRAPHE_81_MANUSCRIPT_RULES } from '../../../src/domain/call/manuscript-rules.js';
import { type CallValidation, validateCall } from '../../../src/domain/call/parse-call.js';
import { SOCIOGRAPHE_81 } from '../../../src/domain/call/sociographe-81.js';

// biome-ignore lint/suspicious/noExplicitAny: the tests break the call on purpose, anywhere.
type Loose = Record<string, any>;
type Problems = Extract<CallValidation, { ok: false }>['problems'];

function problems(data: unknown): Problems {
  const r = validateCall(data);
  assert.equal(r.ok, false, 'expected the call to be refused');
  return r.ok ? [] : r.problems;
}

function withChange(change: (c: Loose) => void): unknown {
  const c = structuredClone(SOCIOGRAPHE_81) as Loose;
  change(c);
  return c;
}

const minimal = {
  id: 'revue-12',
  journal: 'Revue',
  issue: 12,
  theme: 'Un thème',
  summary: 'Un résumé.',
  coordinators: [{ name: 'Ada Lovelace', role: 'coordinatrice', email: 'ada@exemple.fr' }],
  publication: { year: 2025, month: 6 },
  deadline: { date: '2025-01-31' },
  channels: { email: 'depot@exemple.fr' },
  manuscript: { formats: ['docx'], minSignes: 5000, maxSignes: 30000 },
};

describe('validateCall', () => {
  it('validates the embedded Sociographe no. 81 call unchanged', () => {
    const r = validateCall(structuredClone(SOCIOGRAPHE_81));
    assert.equal(r.ok, true);
    if (r.ok) assert.deepEqual(r.call, SOCIOGRAPHE_81);
  });

  it('carries the facts of the seed README', () => {
    const c = SOCIOGRAPHE_81;
    assert.equal(c.journal, 'Sociographe');
    assert.equal(c.issue, 81);
    assert.equal(c.theme, 'Impacts du numérique en travail social');
    assert.deepEqual(c.publication, { year: 2023, month: 3 });
    assert.equal(c.deadline.date, '2022-09-01');
    assert.equal(c.deadline.timeZone, 'Europe/Paris');
    assert.equal(c.axes.length, 3);
    assert.deepEqual(
      c.coordinators.map((x) => x.name),
      ['Alexis Mombelet', 'Jean-Marc Glénat'],
    );
    assert.deepEqual(c.manuscript, SOCIOGRAPHE_81_MANUSCRIPT_RULES);
    assert.equal(c.authors.naturalPersonsOnly, true);
    assert.equal(c.authors.order, 'alphabetical');
    assert.deepEqual(c.consents, { onlinePublication: true, freeOfCharge: true });
  });

  it('fills the defaults of a minimal call (Paris time, no grace, alphabetical order…)', () => {
    const r = validateCall(minimal);
    assert.equal(r.ok, true, JSON.stringify(r));
    if (!r.ok) return;
    assert.equal(r.call.deadline.timeZone, 'Europe/Paris');
    assert.equal(r.call.deadline.graceMinutes, 0);
    assert.deepEqual(r.call.deadline.extensions, []);
    assert.equal(r.call.manuscript.edgeMargin, 0.01);
    assert.equal(r.call.notesCount, true);
    assert.deepEqual(r.call.languages, ['fr']);
    assert.equal(r.call.authors.order, 'alphabetical');
  });

  it('names a missing field and says what to write, in French and English', () => {
    const [p, ...rest] = problems(withChange((c) => delete c.deadline.date));
    assert.equal(rest.length, 0);
    assert.equal(p?.field, 'deadline.date');
    assert.equal(p?.message.fr, 'Le champ «\u202fdeadline.date\u202f» manque.');
    assert.equal(p?.message.en, 'The field “deadline.date” is missing.');
    assert.match(p?.fix.fr ?? '', /AAAA-MM-JJ/);
    assert.match(p?.fix.en ?? '', /YYYY-MM-DD/);
  });

  it('suggests the key meant for a misspelt one', () => {
    const ps = problems(withChange((c) => (c.deadline.graceMinute = 5)));
    assert.equal(ps[0]?.field, 'deadline.graceMinute');
    assert.match(ps[0]?.fix.fr ?? '', /graceMinutes/);
    const top = problems(withChange((c) => (c.jounral = 'x')));
    assert.match(top[0]?.fix.en ?? '', /did you mean “journal”/);
  });

  it('turns the completion reminder on by default, off when the call says so, and knows the key', () => {
    const on = validateCall(minimal);
    assert.ok(on.ok);
    assert.deepEqual(on.call.reminders, { completion: true });
    const off = validateCall({ ...minimal, reminders: { completion: false } });
    assert.ok(off.ok);
    assert.equal(off.call.reminders.completion, false);
    const [p] = problems({ ...minimal, reminders: { completon: false } });
    assert.equal(p?.field, 'reminders.completon');
    assert.match(p?.fix.en ?? '', /did you mean “completion”/);
  });

  it('numbers list items from 1 in the field name', () => {
    const [p] = problems(withChange((c) => (c.axes[1].title = '   ')));
    assert.equal(p?.field, 'axes[2].title');
    assert.match(p?.message.fr ?? '', /est vide/);
  });

  it('explains wrong values: dates, time zones, enums, bounds, e-mails', () => {
    const cases: Array<[(c: Loose) => void, string, RegExp]> = [
      [(c) => (c.deadline.date = '2022-02-30'), 'deadline.date', /n’existe pas/],
      [(c) => (c.deadline.date = '1/9/2022'), 'deadline.date', /format/],
      [(c) => (c.deadline.timeZone = 'Europe/Pariss'), 'deadline.timeZone', /fuseau/],
      [(c) => (c.authors.order = 'random'), 'authors.order', /random/],
      [(c) => (c.publication.month = 13), 'publication.month', /13/],
      [(c) => (c.coordinators[0].email = 'nope'), 'coordinators[1].email', /format/],
      [(c) => (c.manuscript.minSignes = 40000), 'manuscript.maxSignes', /minimum/],
      [
        (c) => (c.deadline.extensions = [{ date: '2022-08-01', decidedOn: '2022-07-01' }]),
        'deadline.extensions',
        /prolongation/,
      ],
      [(c) => (c.notesCount = 'oui'), 'notesCount', /texte/],
      [(c) => (c.channels = {}), 'channels', /moyen de dépôt/],
    ];
    for (const [change, field, fr] of cases) {
      const [p] = problems(withChange(change));
      assert.equal(p?.field, field, field);
      assert.match(p?.message.fr ?? '', fr, field);
      assert.ok(p?.fix.fr && p.fix.en, `${field} says how to fix`);
    }
  });

  it('explains a file that is not a call at all', () => {
    for (const data of [null, 'bonjour', [1, 2]]) {
      const [p] = problems(data);
      assert.match(p?.message.fr ?? '', /champ par champ/);
    }
  });

  it('gives a coded error listing the fields', () => {
    const r = validateCall(withChange((c) => delete c.theme));
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.error.code, 'CALL_INVALID');
    assert.match(r.error.text.fr, /theme/);
  });
});
