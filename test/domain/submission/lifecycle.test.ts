import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ACTIONS,
  ACTORS,
  type Action,
  type Actor,
  availableTransitions,
  isFinal,
  TRANSITIONS,
  transition,
} from '../../../src/domain/submission/lifecycle.js';
import { STATUSES, type Status } from '../../../src/domain/submission/status.js';

function must(current: Status, action: Action, actor: Actor): Status {
  const r = transition(current, action, actor);
  assert.ok(r.ok, `${current} --${action}/${actor}--> ${r.ok ? '' : r.error.message}`);
  return r.status;
}

describe('lifecycle: the table', () => {
  it('has one row per (status, action): a transition is never ambiguous', () => {
    const keys = TRANSITIONS.map((t) => `${t.from}/${t.action}`);
    assert.equal(new Set(keys).size, keys.length);
  });
  it('only uses known statuses, and every status is reachable or initial', () => {
    for (const t of TRANSITIONS) assert.ok(STATUSES.includes(t.from) && STATUSES.includes(t.to));
    const reachable = new Set<Status>(['received', ...TRANSITIONS.map((t) => t.to)]);
    assert.deepEqual(
      [...STATUSES].filter((s) => !reachable.has(s)),
      [],
    );
  });
  it('has exactly three final statuses: published, declined, withdrawn', () => {
    assert.deepEqual(
      STATUSES.filter((s) => isFinal(s)),
      ['declined', 'published', 'withdrawn'],
    );
  });
  it('never lets a reviewer change a status', () => {
    assert.ok(TRANSITIONS.every((t) => !t.by.includes('reviewer')));
  });
});

describe('lifecycle: every legal transition', () => {
  for (const t of TRANSITIONS) {
    for (const actor of t.by) {
      it(`${t.from} --${t.action} (${actor})--> ${t.to}`, () => {
        const r = transition(t.from, t.action, actor);
        assert.ok(r.ok);
        assert.equal(r.status, t.to);
        assert.equal(r.transition, t);
      });
    }
  }

  it('walks the whole main path', () => {
    let s: Status = 'received';
    s = must(s, 'mark_incomplete', 'system');
    s = must(s, 'mark_complete', 'system');
    s = must(s, 'send_to_review', 'coordinator');
    s = must(s, 'request_revisions', 'committee');
    s = must(s, 'submit_revision', 'author');
    s = must(s, 'accept', 'committee');
    s = must(s, 'send_contract', 'coordinator');
    s = must(s, 'record_signed_contract', 'coordinator');
    s = must(s, 'place_in_issue', 'coordinator');
    s = must(s, 'publish', 'coordinator');
    assert.equal(s, 'published');
  });

  it('records a late submission, then lets a coordinator take it or decline it', () => {
    const late = must('received', 'mark_late', 'system');
    assert.equal(late, 'late');
    assert.equal(must(late, 'accept_late', 'coordinator'), 'received');
    assert.equal(must(late, 'decline', 'coordinator'), 'declined');
  });

  it('lets the author withdraw before the issue is made up, and not after', () => {
    const before: Status[] = [
      'received',
      'incomplete',
      'complete',
      'in_review',
      'revisions_requested',
      'accepted',
    ];
    for (const s of [...before, 'contract_sent', 'contract_signed', 'late'] as Status[]) {
      assert.equal(must(s, 'withdraw', 'author'), 'withdrawn');
    }
    for (const s of ['in_issue', 'published', 'declined', 'withdrawn'] as Status[]) {
      assert.equal(transition(s, 'withdraw', 'author').ok, false, s);
    }
  });
});

describe('lifecycle: every illegal transition is a coded error', () => {
  const legal = new Set(TRANSITIONS.flatMap((t) => t.by.map((a) => `${t.from}/${t.action}/${a}`)));
  const rows: Array<[Status, Action, Actor]> = [];
  for (const s of STATUSES)
    for (const a of ACTIONS)
      for (const who of ACTORS) if (!legal.has(`${s}/${a}/${who}`)) rows.push([s, a, who]);

  it(`covers ${rows.length} illegal (status, action, actor) triples`, () => {
    assert.equal(rows.length, STATUSES.length * ACTIONS.length * ACTORS.length - legal.size);
  });

  for (const status of STATUSES) {
    const mine = rows.filter(([s]) => s === status);
    it(`refuses the ${mine.length} illegal triples from ${status}`, () => {
      for (const [s, a, who] of mine) {
        const r = transition(s, a, who);
        assert.equal(r.ok, false, `${s} --${a}/${who}--> should be refused`);
        if (r.ok) continue;
        const known = TRANSITIONS.some((t) => t.from === s && t.action === a);
        assert.equal(r.error.code, known ? 'ACTION_NOT_ALLOWED' : 'ILLEGAL_TRANSITION', `${s}/${a}/${who}`);
        assert.ok(r.error.text.fr.length > 0 && r.error.fix.en.length > 0);
      }
    });
  }

  it('says in French and English what was tried and what is possible', () => {
    const r = transition('published', 'accept', 'committee');
    assert.ok(!r.ok);
    assert.equal(
      r.error.text.fr,
      'Action impossible\u00a0: «\u202faccepter\u202f» ne s’applique pas à une proposition à l’état «\u202fpubliée\u202f».',
    );
    assert.match(r.error.fix.fr, /aucune \(état final\)/);
    const twice = transition('accepted', 'accept', 'committee');
    assert.ok(!twice.ok);
    assert.match(twice.error.fix.en, /send the publishing contract/);
  });

  it('says who may take an action reserved to others', () => {
    const r = transition('in_review', 'accept', 'author');
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'ACTION_NOT_ALLOWED');
    assert.match(r.error.text.fr, /l’auteur/);
    assert.match(r.error.fix.fr, /un coordinateur du dossier, le comité de rédaction/);
  });

  it('lists the actions available to an actor', () => {
    assert.deepEqual(
      availableTransitions('in_review', 'committee').map((t) => t.action),
      ['request_revisions', 'accept', 'decline'],
    );
    assert.deepEqual(
      availableTransitions('in_review', 'author').map((t) => t.action),
      ['withdraw'],
    );
  });
});

describe('lifecycle: required fields guard the target status', () => {
  const full = {
    manuscript: true,
    contactPerson: true,
    contactEmail: 'a@exemple.fr',
    phone: '06 12 34 56 78',
    postalAddress: '1 rue X, 75011 Paris',
    consents: { onlinePublication: true, freeOfCharge: true },
  };
  it('refuses to mark complete without the phone and address', () => {
    const r = transition('received', 'mark_complete', 'system', {
      ...full,
      phone: '',
      postalAddress: undefined,
    });
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'FIELDS_MISSING');
    assert.equal(r.error.params.missing, 'phone,postalAddress');
    assert.match(r.error.text.fr, /le numéro de téléphone, l’adresse postale/);
  });
  it('allows it with every detail', () => {
    assert.ok(transition('received', 'mark_complete', 'system', full).ok);
  });
  it('refuses to record the signed contract without the contract', () => {
    const r = transition('contract_sent', 'record_signed_contract', 'coordinator', full);
    assert.ok(!r.ok);
    assert.equal(r.error.params.missing, 'signedContract');
    assert.ok(
      transition('contract_sent', 'record_signed_contract', 'coordinator', { ...full, signedContract: true })
        .ok,
    );
  });
});
