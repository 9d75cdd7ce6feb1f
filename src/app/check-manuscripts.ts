import { checkSubmission, type SubmissionFacts } from '../domain/call/check-submission.js';
import { type Judgement, judgeManuscript } from '../domain/call/judge-manuscript.js';
import type { PostcodeDirectory } from '../domain/call/rules/postcodes.js';
import type { Call } from '../domain/call/schema.js';
import type { Manuscript } from '../domain/manuscript/model.js';
import { bySeverity, type Finding, hasErrors } from '../domain/shared/finding.js';
import type { ManuscriptReader, ReadOptions } from '../ports/manuscript-reader.js';
import type { Analysis, ManuscriptSource } from './analysis.js';

export interface ManuscriptReport extends Judgement {
  analysis: Analysis;
  /** Rules that need details we were not given (contact, consents …): listed, not judged. */
  notChecked: Finding[];
}

export interface CheckManuscriptsDeps {
  read: ManuscriptReader;
  call: Call;
  /** What is known of the submission besides the file (flags of `appel check`, a web form …). */
  facts?: Omit<SubmissionFacts, 'document'>;
  postcodes?: PostcodeDirectory;
  readOptions?: ReadOptions;
}

/**
 * Use case: read each file and judge it against every rule of the call that can be judged: the
 * manuscript rules always, the submission rules when their inputs are given. A rule without its
 * input is listed as not checked and leaves the verdict alone.
 */
export async function checkManuscripts(
  sources: readonly ManuscriptSource[],
  deps: CheckManuscriptsDeps,
): Promise<ManuscriptReport[]> {
  const reports: ManuscriptReport[] = [];
  for (const source of sources) {
    const analysis = await deps.read(source, deps.readOptions);
    reports.push(judge(analysis, deps));
  }
  return reports;
}

function judge(analysis: Analysis, deps: CheckManuscriptsDeps): ManuscriptReport {
  const judgement = judgeManuscript(deps.call.manuscript, analysis.manuscript, analysis.error);
  if (judgement.verdict === 'unreadable') return { analysis, ...judgement, notChecked: [] };
  const submission = checkSubmission(
    deps.call,
    { ...deps.facts, document: documentOf(analysis.manuscript) },
    deps.postcodes ? { postcodes: deps.postcodes } : {},
  );
  const notChecked = submission.findings.filter((f) => submission.notChecked.includes(f.code));
  const judged = submission.findings.filter((f) => !submission.notChecked.includes(f.code));
  const findings = [...judgement.findings, ...judged].sort(bySeverity);
  return { analysis, verdict: hasErrors(findings) ? 'fail' : 'pass', findings, notChecked };
}

function documentOf(manuscript: Manuscript | null) {
  if (!manuscript) return {};
  const { creator, lastModifiedBy } = manuscript.facts.core;
  return {
    ...(creator ? { creator } : {}),
    ...(lastModifiedBy ? { lastModifiedBy } : {}),
    text: manuscript.paragraphs.map((p) => p.text).join('\n'),
  };
}
