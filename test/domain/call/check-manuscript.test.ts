import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkFormat, checkLength } from '../../../src/domain/call/check-manuscript.js';
import { judgeManuscript } from '../../../src/domain/call/judge-manuscript.js';
import { SOCIOGRAPHE_81_MANUSCRIPT_RULES as rules } from '../../../src/domain/call/manuscript-rules.js';
import { AppError } from '../../../src/domain/shared/errors.js';
import { manuscriptOf } from '../../helpers/manuscript-fixture.js';

const codes = (total: number, patch = {}) =>
  checkLength(rules, manuscriptOf(total, patch)).map((f) => `${f.code}:${f.severity}`);

test('inside the 5,000–30,000 window: one informative finding', () => {
  assert.deepEqual(codes(12_000), ['LENGTH_OK:info']);
});

test('well outside the window: an error that says by how much', () => {
  const [short] = checkLength(rules, manuscriptOf(3000));
  assert.equal(short?.code, 'LENGTH_TOO_SHORT');
  assert.equal(short?.severity, 'error');
  assert.equal(short?.data?.gap, 2000);
  assert.match(short?.fix?.fr ?? '', /Ajoutez au moins 2\u202f000 signes/);
  const [long] = checkLength(rules, manuscriptOf(31_000));
  assert.equal(long?.code, 'LENGTH_TOO_LONG');
  assert.match(long?.message.en ?? '', /31,000 characters/);
});

test('the exact edges pass', () => {
  assert.equal(codes(5000)[0], 'LENGTH_OK:info');
  assert.equal(codes(30_000)[0], 'LENGTH_OK:info');
});

test('within 1 % outside an edge: a warning, never a refusal (a coordinator decides)', () => {
  assert.deepEqual(codes(4951), ['LENGTH_NEAR_EDGE:warning']);
  assert.deepEqual(codes(30_300), ['LENGTH_NEAR_EDGE:warning']);
  assert.deepEqual(codes(30_301), ['LENGTH_TOO_LONG:error']);
  assert.deepEqual(codes(4949), ['LENGTH_TOO_SHORT:error']);
});

test('within 1 % inside an edge: passes, with a request to re-check in Word', () => {
  assert.deepEqual(codes(29_900), ['LENGTH_OK:info', 'LENGTH_NEAR_EDGE:warning']);
});

test('pending deletions that could bring a long text inside the window: a warning, not an error', () => {
  const leftOut = {
    fieldCodeChars: 0,
    deletedChars: 2000,
    hiddenChars: 0,
    paragraphMarks: 1,
    headersFooters: false,
    subdocChars: 0,
  };
  assert.deepEqual(codes(28_500 + 3000, { leftOut }), ['LENGTH_NEAR_EDGE:warning']);
  assert.deepEqual(codes(40_000, { leftOut }), ['LENGTH_TOO_LONG:error']);
});

test('an approximate count (.doc) gets a wider margin', () => {
  assert.deepEqual(codes(4870, { approximate: true }), ['LENGTH_NEAR_EDGE:warning']);
});

test('an empty document is an error', () => {
  assert.deepEqual(codes(0), ['LENGTH_EMPTY:error']);
});

test('formats the call does not accept are refused with a way to fix', () => {
  const strict = { ...rules, formats: ['docx' as const] };
  assert.deepEqual(checkFormat(strict, 'docx'), []);
  const [refused] = checkFormat(strict, 'odt');
  assert.equal(refused?.code, 'FORMAT_NOT_ACCEPTED');
  assert.match(refused?.fix?.fr ?? '', /Enregistrer sous/);
});

test('verdict: pass, fail, or unreadable with the reading error as a finding', () => {
  assert.equal(judgeManuscript(rules, manuscriptOf(12_000), null).verdict, 'pass');
  assert.equal(judgeManuscript(rules, manuscriptOf(100), null).verdict, 'fail');
  const unreadable = judgeManuscript(rules, null, new AppError('ENCRYPTED'));
  assert.equal(unreadable.verdict, 'unreadable');
  assert.equal(unreadable.findings[0]?.code, 'ENCRYPTED');
  assert.match(unreadable.findings[0]?.fix?.fr ?? '', /mot de passe/);
});

test('findings come errors first, then warnings, then information', () => {
  const m = manuscriptOf(100);
  m.facts.comments = 2;
  const severities = judgeManuscript(rules, m, null).findings.map((f) => f.severity);
  assert.deepEqual(
    severities,
    [...severities].sort(
      (a, b) => ['error', 'warning', 'info'].indexOf(a) - ['error', 'warning', 'info'].indexOf(b),
    ),
  );
  assert.equal(severities[0], 'error');
});
