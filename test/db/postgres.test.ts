import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describePostgresUrl } from '../../src/adapters/db/postgres.js';
import { makePostgres, probePostgres, testDatabaseUrl } from './support/databases.js';
import { repositorySuite } from './support/repository-suite.js';
import { ownSchemaSuite } from './support/suite-own-schema.js';
import { skipLockedSuite } from './support/suite-skip-locked.js';

// The same repository suite on PostgreSQL, each group in a fresh schema dropped afterwards.
// Point it elsewhere with APPEL_TEST_DATABASE_URL=postgres://user:password@host:5432/database.
const url = testDatabaseUrl();
const probe = await probePostgres(url);
const inCi = Boolean(process.env.CI) && process.env.CI !== 'false' && process.env.CI !== '0';
const howTo =
  'Start it (pg_ctlcluster --skip-systemctl-redirect <version> main start) or point the tests at a ' +
  'PostgreSQL elsewhere with APPEL_TEST_DATABASE_URL=postgres://user:password@host:5432/database ' +
  '(the user needs CREATE on that database: each test group creates and drops its own schema).';

if (probe.ok) {
  console.log(
    `PostgreSQL tests: ${describePostgresUrl(url)}, one fresh schema per group (appel_test_${process.pid}_*)`,
  );
  repositorySuite(makePostgres(url));
  skipLockedSuite(makePostgres(url));
  ownSchemaSuite(makePostgres(url));
} else if (inCi) {
  test('PostgreSQL is reachable (required when CI is set)', () => {
    assert.fail(`${probe.reason}. ${howTo}`);
  });
} else {
  const banner = '#'.repeat(100);
  console.error(
    `\n${banner}\n# POSTGRESQL TESTS SKIPPED: ${probe.reason}.\n# ${howTo}\n# With CI=true this is a failure.\n${banner}\n`,
  );
  test('PostgreSQL repository suite', { skip: `${probe.reason} (set APPEL_TEST_DATABASE_URL)` }, () => {});
}
