import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CallDeadline } from '../../../src/domain/call/schema.js';
import {
  completionReminderDue,
  type ReminderFacts,
  reminderWindowOpen,
} from '../../../src/domain/submission/completion-reminder.js';

// The last day is 1 September 2022, Paris time: it ends at 21:59:59.999 UTC (summer time).
const DEADLINE: CallDeadline = {
  date: '2022-09-01',
  timeZone: 'Europe/Paris',
  graceMinutes: 0,
  extensions: [],
};
const FACTS: ReminderFacts = {
  status: 'incomplete',
  receivedAt: Date.parse('2022-08-10T10:00:00Z'),
  missing: 2,
  contactEmail: true,
  reminded: false,
};
const at = (iso: string) => Date.parse(iso);

describe('the completion reminder: once, a week before the deadline in force', () => {
  it('is due from seven days before the end of the last day until that end', () => {
    assert.equal(completionReminderDue(FACTS, DEADLINE, at('2022-08-25T21:59:59.998Z')), false);
    assert.equal(completionReminderDue(FACTS, DEADLINE, at('2022-08-25T22:00:00Z')), true);
    assert.equal(completionReminderDue(FACTS, DEADLINE, at('2022-09-01T21:59:59.999Z')), true);
    assert.equal(completionReminderDue(FACTS, DEADLINE, at('2022-09-01T22:00:00Z')), false);
  });

  it('opens its window for the deadline’s last week only, whatever the submissions', () => {
    assert.equal(reminderWindowOpen(DEADLINE, at('2022-08-25T21:59:59.998Z')), false);
    assert.equal(reminderWindowOpen(DEADLINE, at('2022-08-28T10:00:00Z')), true);
    assert.equal(reminderWindowOpen(DEADLINE, at('2022-09-01T22:00:00Z')), false);
  });

  it('waits two days after the receipt, which already said what was missing', () => {
    const fresh = { ...FACTS, receivedAt: at('2022-08-29T12:00:00Z') };
    assert.equal(completionReminderDue(fresh, DEADLINE, at('2022-08-31T11:59:59Z')), false);
    assert.equal(completionReminderDue(fresh, DEADLINE, at('2022-08-31T12:00:00Z')), true);
  });

  it('moves with an extension decided by then, not with one decided later', () => {
    const extended: CallDeadline = {
      ...DEADLINE,
      extensions: [{ date: '2022-09-15', decidedOn: '2022-08-20' }],
    };
    assert.equal(
      completionReminderDue(FACTS, extended, at('2022-08-28T10:00:00Z')),
      false,
      'more than a week left',
    );
    assert.equal(completionReminderDue(FACTS, extended, at('2022-09-10T10:00:00Z')), true);
    const later: CallDeadline = {
      ...DEADLINE,
      extensions: [{ date: '2022-09-15', decidedOn: '2022-08-30' }],
    };
    assert.equal(completionReminderDue(FACTS, later, at('2022-08-28T10:00:00Z')), true, 'not known yet');
  });

  it('never for a reminded, complete, otherwise-stated or unreachable submission', () => {
    const now = at('2022-08-28T10:00:00Z');
    assert.equal(completionReminderDue({ ...FACTS, reminded: true }, DEADLINE, now), false);
    assert.equal(completionReminderDue({ ...FACTS, missing: 0 }, DEADLINE, now), false);
    assert.equal(completionReminderDue({ ...FACTS, contactEmail: false }, DEADLINE, now), false);
    for (const status of ['received', 'complete', 'late', 'in_review', 'withdrawn'] as const) {
      assert.equal(completionReminderDue({ ...FACTS, status }, DEADLINE, now), false, status);
    }
  });
});
