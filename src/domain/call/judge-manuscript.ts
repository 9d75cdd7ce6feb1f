import { explainStoredFigure } from '../manuscript/explain-stored.js';
import { fileFindings } from '../manuscript/file-findings.js';
import type { Manuscript } from '../manuscript/model.js';
import type { AppError } from '../shared/errors.js';
import { bySeverity, type Finding, finding, hasErrors } from '../shared/finding.js';
import { checkManuscript } from './check-manuscript.js';
import type { ManuscriptRules } from './manuscript-rules.js';

export type Verdict = 'pass' | 'fail' | 'unreadable';

export interface Judgement {
  verdict: Verdict;
  findings: Finding[];
}

/** A file that could not be read gets its reason as a finding, with how to fix it. */
export function readingFinding(error: AppError): Finding {
  return finding(error.code, 'error', error.text, error.fix, { ...error.params });
}

/**
 * The verdict on one manuscript file: unreadable when no reader could make sense of it, fail when
 * a rule of the call fails, pass otherwise. Findings come errors first, then warnings, then facts.
 */
export function judgeManuscript(
  rules: ManuscriptRules,
  manuscript: Manuscript | null,
  error: AppError | null,
): Judgement {
  if (!manuscript) {
    return { verdict: 'unreadable', findings: error ? [readingFinding(error)] : [] };
  }
  const findings = [
    ...checkManuscript(rules, manuscript),
    ...fileFindings(manuscript),
    ...explainStoredFigure(manuscript),
  ];
  findings.sort(bySeverity);
  return { verdict: hasErrors(findings) ? 'fail' : 'pass', findings };
}
