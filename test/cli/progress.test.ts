import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { count, emptySummary, type MessageOutcomeKind } from '../../src/app/import-summary.js';
import type { CliIo } from '../../src/cli/io.js';
import { importProgress, summaryText } from '../../src/cli/progress.js';

/**
 * What `appel mail import` and `mail watch` print. An over-size message was recorded, answered and
 * flagged, not ignored: it is counted and said on its own line, French first.
 */

function summaryOf(outcomes: MessageOutcomeKind[]) {
  const summary = emptySummary();
  for (const outcome of outcomes) count(summary, outcome);
  return summary;
}

describe('the import summary', () => {
  it('counts over-size messages and readers’ replies apart from the ignored ones', () => {
    const summary = summaryOf(['submission', 'too-large', 'ignored', 'too-large', 'reader-reply', 'error']);
    assert.deepEqual(summary, {
      messages: 6,
      submissions: 1,
      versions: 0,
      duplicates: 0,
      ignored: 1,
      tooLarge: 2,
      readerReplies: 1,
      errors: 1,
    });
  });

  it('says the readers’ replies on a line of their own, when there are some', () => {
    const lines = summaryText(summaryOf(['submission', 'reader-reply'])).split('\n');
    assert.equal(lines.length, 4);
    assert.match(lines[1] ?? '', /^Réponses de relecteurs à une demande de relecture\u00a0?\s?: 1 /);
    assert.match(lines[3] ?? '', /^Readers’ replies to a review request: 1 /);
  });

  it('says them on a line of their own in each language, French first', () => {
    const lines = summaryText(summaryOf(['submission', 'too-large', 'ignored'])).split('\n');
    assert.deepEqual(lines, [
      'Messages lus : 3 — nouvelles propositions : 1, nouvelles versions : 0, déjà reçus : 0, ignorés : 1, erreurs : 0.',
      'Trop volumineux, non lus : 1 (enregistrés ; une réponse dit aux personnes comment renvoyer leur texte).',
      'Messages read: 3 — new submissions: 1, new versions: 0, already received: 0, ignored: 1, errors: 0.',
      'Too large, not read: 1 (recorded; a reply tells people how to send their text again).',
    ]);
  });

  it('leaves that line out when there were none', () => {
    const text = summaryText(summaryOf(['submission', 'ignored']));
    assert.equal(text.split('\n').length, 2);
    assert.doesNotMatch(text, /volumineux|too large/i);
  });
});

describe('the progress lines (no terminal)', () => {
  it('names an over-size message as such, never as ignored', () => {
    const lines: string[] = [];
    const io: CliIo = { out: () => {}, err: (t) => lines.push(t), setExitCode: () => {} };
    const progress = importProgress(io, false);
    const summary = emptySummary();
    for (const outcome of ['too-large', 'ignored'] as const) {
      count(summary, outcome);
      progress.tick(outcome, summary);
    }
    progress.stop();
    assert.deepEqual(lines, [
      'message 1: trop volumineux, non lu / too large, not read',
      'message 2: ignoré (message automatique ou sans manuscrit) / ignored',
    ]);
  });
});
