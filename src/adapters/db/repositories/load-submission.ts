import type { SubmissionRecord } from '../../../ports/submission-records.js';
import type { Executor } from '../transaction.js';
import { listAuthors } from './authors.js';
import { listFindings } from './findings.js';
import { findSummary } from './submissions.js';
import { listVersions } from './versions.js';

/** A submission with its authors, versions and findings, read together. */
export async function loadSubmission(db: Executor, id: string): Promise<SubmissionRecord | null> {
  const summary = await findSummary(db, id);
  if (!summary) return null;
  const [authors, versions, findings] = await Promise.all([
    listAuthors(db, id),
    listVersions(db, id),
    listFindings(db, id),
  ]);
  return { ...summary, authors, versions, findings };
}
