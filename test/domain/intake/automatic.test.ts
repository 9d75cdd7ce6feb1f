import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectAutomatic } from '../../../src/domain/intake/automatic.js';
import type { AutomationHeaders, IncomingMessage } from '../../../src/domain/intake/message.js';

type Input = Parameters<typeof detectAutomatic>[0];

function message(automation: Partial<AutomationHeaders> = {}, from = 'marie.dupont@example.fr'): Input {
  const m: Pick<IncomingMessage, 'from' | 'replyTo' | 'automation'> = {
    from: { address: from, name: 'Marie Dupont' },
    replyTo: [],
    automation: { listHeaders: [], returnPathEmpty: false, ...automation },
  };
  return m;
}

describe('automatic messages (RFC 3834)', () => {
  it('a person’s message may be answered', () => {
    assert.deepEqual(detectAutomatic(message()), { kind: 'person', answer: true, reasons: [] });
    assert.deepEqual(detectAutomatic(message({ autoSubmitted: 'no' })).answer, true);
  });

  it('Auto-Submitted other than "no" is never answered', () => {
    for (const value of [
      'auto-replied',
      'auto-generated',
      'auto-notified; owner-email="x@y.z"',
      'Auto-Replied (vacation)',
    ]) {
      const v = detectAutomatic(message({ autoSubmitted: value }));
      assert.equal(v.answer, false, value);
      assert.equal(v.kind, 'auto-reply', value);
      assert.deepEqual(v.reasons, ['auto-submitted']);
    }
  });

  it('Precedence bulk, list or junk, and List-* headers, are not answered', () => {
    assert.equal(detectAutomatic(message({ precedence: 'bulk' })).kind, 'bulk');
    assert.equal(detectAutomatic(message({ precedence: 'junk' })).kind, 'bulk');
    assert.equal(detectAutomatic(message({ precedence: 'List' })).kind, 'list');
    const list = detectAutomatic(message({ listHeaders: ['list-id'] }));
    assert.deepEqual([list.kind, list.answer, list.reasons], ['list', false, ['list']]);
  });

  it('an empty Return-Path, a delivery report, or a daemon sender is a bounce', () => {
    assert.deepEqual(detectAutomatic(message({ returnPathEmpty: true })).reasons, ['empty-return-path']);
    assert.equal(detectAutomatic(message({ contentType: 'multipart/report' })).kind, 'bounce');
    for (const from of [
      'MAILER-DAEMON@mx.example.fr',
      'postmaster@example.fr',
      'noreply@example.fr',
      'liste-request@example.fr',
      'owner-liste@example.fr',
    ]) {
      const v = detectAutomatic(message({}, from));
      assert.deepEqual([v.kind, v.answer], ['bounce', false], from);
    }
  });

  it('our own receipts coming back are recognised by our header or our address', () => {
    const byHeader = detectAutomatic(message({ appelReceipt: 'receipt' }));
    assert.deepEqual([byHeader.kind, byHeader.answer], ['own-message', false]);
    const byAddress = detectAutomatic(message({}, 'Appel@Journal.example'), {
      ownAddresses: ['appel@journal.example'],
    });
    assert.equal(byAddress.kind, 'own-message');
    // An out-of-office reply to our receipt: automatic on two counts.
    const ooo = detectAutomatic(message({ autoSubmitted: 'auto-replied', xAutoreply: 'yes' }));
    assert.deepEqual(ooo.reasons, ['auto-submitted', 'x-autoreply']);
  });

  it('X-Auto-Response-Suppress asks for no answer without making the message automatic', () => {
    const v = detectAutomatic(message({ xAutoResponseSuppress: 'DR, OOF, AutoReply' }));
    assert.deepEqual([v.kind, v.answer], ['person', false]);
    assert.equal(detectAutomatic(message({ xAutoResponseSuppress: 'DR' })).answer, true);
  });

  it('a message with no usable sender cannot be answered', () => {
    const v = detectAutomatic({ replyTo: [], automation: { listHeaders: [], returnPathEmpty: false } });
    assert.deepEqual([v.kind, v.answer, v.reasons], ['person', false, ['no-sender']]);
  });
});
