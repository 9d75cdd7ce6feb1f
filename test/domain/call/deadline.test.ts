import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  callStatus,
  effectiveDeadline,
  receiptDecision,
  timeliness,
} from '../../../src/domain/call/deadline.js';
import { checkDeadline } from '../../../src/domain/call/rules/deadline.js';
import type { CallDeadline } from '../../../src/domain/call/schema.js';

// Instants are written with their explicit offset, independently of the code under test.
const at = (iso: string) => Date.parse(iso);

function deadline(date: string, more: Partial<CallDeadline> = {}): CallDeadline {
  return { date, timeZone: 'Europe/Paris', graceMinutes: 0, extensions: [], ...more };
}

describe('deadline: end of the local day, inclusive, across DST', () => {
  const cases: Array<[string, string, string, string]> = [
    // [deadline day, last on-time instant, first late instant, why]
    [
      '2022-09-01',
      '2022-09-01T23:59:59+02:00',
      '2022-09-02T00:00:00+02:00',
      'the real no. 81 deadline (summer time)',
    ],
    [
      '2022-03-26',
      '2022-03-26T23:59:59+01:00',
      '2022-03-27T00:00:00+01:00',
      'the day before the spring change',
    ],
    [
      '2022-03-27',
      '2022-03-27T23:59:59+02:00',
      '2022-03-28T00:00:00+02:00',
      'the 23-hour day of the spring change',
    ],
    [
      '2022-10-29',
      '2022-10-29T23:59:59+02:00',
      '2022-10-30T00:00:00+02:00',
      'the day before the autumn change',
    ],
    [
      '2022-10-30',
      '2022-10-30T23:59:59+01:00',
      '2022-10-31T00:00:00+01:00',
      'the 25-hour day of the autumn change',
    ],
    ['2022-12-31', '2022-12-31T23:59:59+01:00', '2023-01-01T00:00:00+01:00', 'winter time, end of year'],
  ];
  for (const [day, last, first, why] of cases) {
    it(`${day} (${why}): 23:59:59 is on time, 00:00:00 is late`, () => {
      const d = deadline(day);
      assert.equal(timeliness(d, at(last)).kind, 'on_time');
      assert.equal(timeliness(d, at(last) + 999).kind, 'on_time');
      assert.equal(timeliness(d, at(first)).kind, 'late');
      assert.equal(effectiveDeadline(d).endsAt, at(first) - 1);
    });
  }

  it('on the 25-hour day, 23:30 winter time is still on time (a fixed +2 h offset would say late)', () => {
    assert.equal(timeliness(deadline('2022-10-30'), at('2022-10-30T23:30:00+01:00')).kind, 'on_time');
  });

  it('counts a started minute as late: 00:00:30 is 1 minute late, 00:20:00 is 20', () => {
    const d = deadline('2022-09-01');
    assert.equal(timeliness(d, at('2022-09-02T00:00:00+02:00')).minutesLate, 1);
    assert.equal(timeliness(d, at('2022-09-02T00:00:30+02:00')).minutesLate, 1);
    assert.equal(timeliness(d, at('2022-09-02T00:20:00+02:00')).minutesLate, 20);
    assert.equal(timeliness(d, at('2022-09-01T12:00:00+02:00')).minutesLate, 0);
  });

  it('works in another time zone (Réunion, no DST)', () => {
    const d = deadline('2022-09-01', { timeZone: 'Indian/Reunion' });
    assert.equal(timeliness(d, at('2022-09-01T23:59:59+04:00')).kind, 'on_time');
    assert.equal(timeliness(d, at('2022-09-02T00:00:00+04:00')).kind, 'late');
  });
});

describe('deadline: grace period', () => {
  const d = deadline('2022-09-01', { graceMinutes: 30 });
  it('accepts within the grace period, and says so', () => {
    const t = timeliness(d, at('2022-09-02T00:20:00+02:00'));
    assert.equal(t.kind, 'within_grace');
    assert.equal(t.minutesLate, 20);
  });
  it('is late once the grace period is over', () => {
    assert.equal(timeliness(d, at('2022-09-02T00:29:59+02:00')).kind, 'within_grace');
    assert.equal(timeliness(d, at('2022-09-02T00:30:00+02:00')).kind, 'late');
  });
  it('is not announced: the call shows as closed during the grace period', () => {
    assert.equal(callStatus(d, at('2022-09-02T00:10:00+02:00')), 'closed');
  });
});

describe('deadline: extensions', () => {
  const extended = deadline('2022-09-01', { extensions: [{ date: '2022-09-15', decidedOn: '2022-08-25' }] });

  it('moves the deadline to the end of the new day', () => {
    const e = effectiveDeadline(extended);
    assert.equal(e.date, '2022-09-15');
    assert.equal(e.extended, true);
    assert.equal(e.endsAt, at('2022-09-16T00:00:00+02:00') - 1);
    assert.equal(e.original.date, '2022-09-01');
  });

  it('judges a manuscript between the two days as within the extension', () => {
    assert.equal(timeliness(extended, at('2022-09-10T10:00:00+02:00')).kind, 'within_extension');
    assert.equal(timeliness(extended, at('2022-09-01T10:00:00+02:00')).kind, 'on_time');
    assert.equal(timeliness(extended, at('2022-09-16T00:00:00+02:00')).kind, 'late');
  });

  it('gives the call status: open, extended, closed', () => {
    assert.equal(callStatus(extended, at('2022-08-01T12:00:00+02:00')), 'open');
    assert.equal(callStatus(extended, at('2022-09-01T23:59:59+02:00')), 'open');
    assert.equal(callStatus(extended, at('2022-09-02T00:00:00+02:00')), 'extended');
    assert.equal(callStatus(extended, at('2022-09-15T23:59:59+02:00')), 'extended');
    assert.equal(callStatus(extended, at('2022-09-16T00:00:00+02:00')), 'closed');
  });

  it('shows an extension only from the day it was decided, but lets it cover earlier arrivals', () => {
    const late = deadline('2022-09-01', { extensions: [{ date: '2022-09-15', decidedOn: '2022-09-05' }] });
    assert.equal(callStatus(late, at('2022-09-03T12:00:00+02:00')), 'closed');
    assert.equal(callStatus(late, at('2022-09-05T00:00:00+02:00')), 'extended');
    assert.equal(timeliness(late, at('2022-09-03T12:00:00+02:00')).kind, 'within_extension');
  });

  it('keeps the most recent decision, even when it shortens an earlier extension', () => {
    const two = deadline('2022-09-01', {
      extensions: [
        { date: '2022-09-30', decidedOn: '2022-08-20' },
        { date: '2022-09-15', decidedOn: '2022-08-28' },
      ],
    });
    assert.equal(effectiveDeadline(two).date, '2022-09-15');
    assert.equal(effectiveDeadline(two, at('2022-08-25T12:00:00+02:00')).date, '2022-09-30');
  });
});

describe('deadline: a late submission is recorded, never dropped', () => {
  const d = deadline('2022-09-01');
  it('records and flags a late submission for the coordinators', () => {
    const r = receiptDecision(d, at('2022-09-03T09:00:00+02:00'));
    assert.equal(r.record, true);
    assert.equal(r.late, true);
    assert.equal(r.flagForCoordinators, true);
  });
  it('records an on-time submission without a flag', () => {
    const r = receiptDecision(d, at('2022-09-01T09:00:00+02:00'));
    assert.deepEqual([r.record, r.late, r.flagForCoordinators], [true, false, false]);
  });
});

describe('deadline rule (findings)', () => {
  const d = deadline('2022-09-01', { graceMinutes: 10, extensions: [] });
  it('says on time, in French with the Paris time and French typography', () => {
    const [f] = checkDeadline(d, new Date('2022-09-01T21:59:59Z'));
    assert.equal(f?.code, 'deadline.on_time');
    assert.equal(f?.severity, 'info');
    assert.match(f?.message.fr ?? '', /jeudi 1er septembre 2022 à 23\u00a0h\u00a059 \(heure de Paris\)/);
    assert.match(f?.message.fr ?? '', /limite\u00a0:/);
    assert.match(f?.message.en ?? '', /Thursday 1 September 2022 at 23:59 \(Paris time\)/);
  });
  it('flags a late manuscript as a warning for the coordinators, not an error', () => {
    const [f] = checkDeadline(d, new Date('2022-09-02T08:00:00Z'));
    assert.equal(f?.code, 'deadline.late');
    assert.equal(f?.severity, 'warning');
    assert.equal(f?.data?.flagForCoordinators, true);
    assert.ok(f?.fix);
  });
  it('says within the grace period', () => {
    const [f] = checkDeadline(d, new Date('2022-09-01T22:05:00Z'));
    assert.equal(f?.code, 'deadline.within_grace');
  });
  it('is not checked without a date of receipt', () => {
    const findings = checkDeadline(d, undefined);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.code, 'deadline.not_checked');
    assert.equal(findings[0]?.severity, 'info');
  });
});
