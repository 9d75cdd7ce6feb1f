import type { MakeDatabase } from './databases.js';
import { accountSuite } from './suite-accounts.js';
import { atomicitySuite } from './suite-atomicity.js';
import { attemptSuite } from './suite-attempts.js';
import { authorLinkSuite } from './suite-author-links.js';
import { callSuite } from './suite-calls.js';
import { contractDocumentsSuite } from './suite-contract-documents.js';
import { editorialNotesSuite } from './suite-editorial-notes.js';
import { issueOrderSuite } from './suite-issue-order.js';
import { lockingSuite } from './suite-locking.js';
import { manuscriptTextsSuite } from './suite-manuscript-texts.js';
import { messageSuite, unitOfWorkSuite } from './suite-messages.js';
import { migrationSuite } from './suite-migrations.js';
import { outboxSuite } from './suite-outbox.js';
import { reviewFilesSuite } from './suite-review-files.js';
import { reviewSuite } from './suite-reviews.js';
import { submissionSuite } from './suite-submissions.js';

/**
 * The ONE repository suite, run as written on every dialect with the real migrations
 * (no mocks, no schema that production does not use). `makeDb` gives a fresh, empty database.
 */
export function repositorySuite(makeDb: MakeDatabase): void {
  migrationSuite(makeDb);
  submissionSuite(makeDb);
  atomicitySuite(makeDb);
  lockingSuite(makeDb);
  outboxSuite(makeDb);
  messageSuite(makeDb);
  unitOfWorkSuite(makeDb);
  authorLinkSuite(makeDb);
  accountSuite(makeDb);
  callSuite(makeDb);
  attemptSuite(makeDb);
  reviewSuite(makeDb);
  issueOrderSuite(makeDb);
  contractDocumentsSuite(makeDb);
  reviewFilesSuite(makeDb);
  editorialNotesSuite(makeDb);
  manuscriptTextsSuite(makeDb);
}
