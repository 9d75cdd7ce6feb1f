import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { renderLetter } from '../../../src/domain/letters/render-letter.js';
import { goldenCases } from './fixtures.js';

/**
 * Every letter in both languages, compared byte for byte with test/golden/letters/. A change to
 * a letter shows up here as a diff to read. To accept it: UPDATE_GOLDEN=1 npm test -- letters
 */

const GOLDEN = join(import.meta.dirname, '..', '..', 'golden', 'letters');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function compare(file: string, actual: string): void {
  const path = join(GOLDEN, file);
  if (UPDATE) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  assert.ok(existsSync(path), `${file} is missing: run UPDATE_GOLDEN=1 npm test -- letters, then read it`);
  assert.equal(actual, readFileSync(path, 'utf8'), `${file} differs from its golden copy`);
}

describe('letters match their golden files', () => {
  for (const lang of ['fr', 'en'] as const) {
    for (const { name, letter } of goldenCases(lang)) {
      it(`${name} (${lang})`, () => {
        const rendered = renderLetter(letter);
        compare(`${name}.${lang}.txt`, `Subject: ${rendered.subject}\n\n${rendered.text}`);
        compare(`${name}.${lang}.html`, rendered.html);
      });
    }
  }
});
