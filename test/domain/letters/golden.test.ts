import { describe, it } from 'node:test';
import { renderLetter } from '../../../src/domain/letters/render-letter.js';
import { goldenCases } from './fixtures.js';
import { compareWithGolden as compare } from './golden-file.js';

/**
 * Every letter in both languages, compared byte for byte with test/golden/letters/. A change to
 * a letter shows up here as a diff to read. To accept it: UPDATE_GOLDEN=1 npm test -- letters
 */

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
