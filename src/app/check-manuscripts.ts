import { type Judgement, judgeManuscript } from '../domain/call/judge-manuscript.js';
import type { ManuscriptRules } from '../domain/call/manuscript-rules.js';
import type { ManuscriptReader, ReadOptions } from '../ports/manuscript-reader.js';
import type { Analysis, ManuscriptSource } from './analysis.js';

export interface ManuscriptReport extends Judgement {
  analysis: Analysis;
}

export interface CheckManuscriptsDeps {
  read: ManuscriptReader;
  rules: ManuscriptRules;
  readOptions?: ReadOptions;
}

/** Use case: read each file and judge it against the call's manuscript rules, one after the other. */
export async function checkManuscripts(
  sources: readonly ManuscriptSource[],
  deps: CheckManuscriptsDeps,
): Promise<ManuscriptReport[]> {
  const reports: ManuscriptReport[] = [];
  for (const source of sources) {
    const analysis = await deps.read(source, deps.readOptions);
    reports.push({ analysis, ...judgeManuscript(deps.rules, analysis.manuscript, analysis.error) });
  }
  return reports;
}
