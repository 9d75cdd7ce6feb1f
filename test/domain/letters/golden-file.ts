import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A rendered letter against its golden copy in test/golden/letters/, byte for byte: a change to a
 * letter shows up as a diff to read. To accept it: UPDATE_GOLDEN=1 npm test -- <test file>.
 */

const GOLDEN = join(import.meta.dirname, '..', '..', 'golden', 'letters');

export function compareWithGolden(file: string, actual: string, testName = 'letters'): void {
  const path = join(GOLDEN, file);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  assert.ok(
    existsSync(path),
    `${file} is missing: run UPDATE_GOLDEN=1 npm test -- ${testName}, then read it`,
  );
  assert.equal(actual, readFileSync(path, 'utf8'), `${file} differs from its golden copy`);
}
