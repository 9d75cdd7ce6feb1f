import { checkSubmission, type SubmissionFacts } from '../domain/call/check-submission.js';
import { type Judgement, judgeManuscript } from '../domain/call/judge-manuscript.js';
import { isNotChecked } from '../domain/call/rules/not-checked.js';
import type { PostcodeDirectory } from '../domain/call/rules/postcodes.js';
import type { Call } from '../domain/call/schema.js';
import { bySeverity, type Finding } from '../domain/shared/finding.js';
import type { FileStore } from '../ports/file-store.js';
import type { ManuscriptReader } from '../ports/manuscript-reader.js';
import type { Analysis } from './analysis.js';

export interface DraftDeps {
  files: FileStore;
  read: ManuscriptReader;
  postcodes?: PostcodeDirectory;
}

export interface StoredDraft {
  sha256: string;
  byteSize: number;
}

/**
 * Keeps an uploaded file before anything is recorded: stored durably under its hash (outside any
 * served folder), so that the author's confirmation refers to it by hash — never by a path or
 * bytes sent back by the browser.
 */
export async function keepUpload(bytes: Buffer, deps: Pick<DraftDeps, 'files'>): Promise<StoredDraft> {
  const put = await deps.files.put(bytes);
  return { sha256: put.sha256, byteSize: put.byteSize };
}

export interface DraftCheckInput {
  call: Call;
  sha256: string;
  /** The file's name as shown (already made safe); the reader recognises the file by content. */
  name: string;
  /** What the form says besides the file (authors, contact details, consents, time). */
  facts: Omit<SubmissionFacts, 'document'>;
}

export interface DraftCheck {
  analysis: Analysis;
  /** The verdict on the manuscript file alone, and its findings. */
  verdict: Judgement['verdict'];
  findings: Finding[];
  /** The call's rules on the rest of the submission (authors, contact details, anonymity …). */
  submissionFindings: Finding[];
}

/**
 * Use case: the check shown before the final submit. Reads the kept file and judges it by the
 * call's rules — the manuscript's, then the submission's with the form's details — the same rules
 * that will judge the recorded submission. Nothing is recorded.
 */
export async function checkDraft(input: DraftCheckInput, deps: DraftDeps): Promise<DraftCheck> {
  const bytes = await deps.files.read(input.sha256);
  const analysis = await deps.read({ bytes, name: input.name });
  const judgement = judgeManuscript(input.call.manuscript, analysis.manuscript, analysis.error);
  const m = analysis.manuscript;
  const document = m
    ? {
        text: m.paragraphs.map((p) => p.text).join('\n'),
        ...(m.facts.core.creator ? { creator: m.facts.core.creator } : {}),
        ...(m.facts.core.lastModifiedBy ? { lastModifiedBy: m.facts.core.lastModifiedBy } : {}),
      }
    : undefined;
  const submission = checkSubmission(
    input.call,
    { ...input.facts, ...(document ? { document } : {}) },
    deps.postcodes ? { postcodes: deps.postcodes } : {},
  );
  return {
    analysis,
    verdict: judgement.verdict,
    findings: judgement.findings,
    submissionFindings: submission.findings.filter((f) => !isNotChecked(f)).sort(bySeverity),
  };
}
