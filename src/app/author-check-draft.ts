import { checkSubmission, type SubmissionFacts } from '../domain/call/check-submission.js';
import { type Judgement, judgeManuscript } from '../domain/call/judge-manuscript.js';
import { isNotChecked } from '../domain/call/rules/not-checked.js';
import type { PostcodeDirectory } from '../domain/call/rules/postcodes.js';
import type { Call } from '../domain/call/schema.js';
import { bySeverity, type Finding } from '../domain/shared/finding.js';
import type { DraftAnalyses } from '../ports/draft-analyses.js';
import type { FileStore } from '../ports/file-store.js';
import type { ManuscriptReader } from '../ports/manuscript-reader.js';
import type { Analysis } from './analysis.js';
import type { IncomingFile } from './judge-file.js';

export interface DraftDeps {
  files: FileStore;
  read: ManuscriptReader;
  postcodes?: PostcodeDirectory;
  /** Where the check's analysis is kept for the confirmation; without it, each step reads the file. */
  analyses?: DraftAnalyses;
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
  /** The bytes just kept under `sha256` (keepUpload), when the upload came with this request. */
  upload?: Buffer;
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
  const analysis = await analyseKept(input, deps);
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

/**
 * The kept file's analysis: the one remembered for these bytes, else read now (from the upload in
 * hand, or from the store) and remembered for the confirmation.
 */
async function analyseKept(
  input: Pick<DraftCheckInput, 'sha256' | 'name' | 'upload'>,
  deps: DraftDeps,
): Promise<Analysis> {
  const remembered = await deps.analyses?.find(input.sha256);
  if (remembered) return { file: input.name, ...remembered.analysis };
  const bytes = input.upload ?? (await deps.files.read(input.sha256));
  const analysis = await deps.read({ bytes, name: input.name });
  // A reading cut by the time cap says more about the load than about the bytes: read again later.
  if (analysis.error?.code !== 'TIMEOUT') {
    await deps.analyses?.remember(input.sha256, { byteSize: bytes.length, analysis });
  }
  return analysis;
}

/**
 * The kept file as the confirmation hands it to the submission: already analysed when its check
 * was remembered, else its bytes, read and verified from the store, to be read again.
 */
export async function keptFile(
  file: { sha256: string; name: string },
  deps: Pick<DraftDeps, 'files' | 'analyses'>,
): Promise<IncomingFile> {
  const remembered = await deps.analyses?.find(file.sha256);
  if (!remembered) return { name: file.name, bytes: await deps.files.read(file.sha256) };
  return {
    name: file.name,
    sha256: file.sha256,
    byteSize: remembered.byteSize,
    analysis: { file: file.name, ...remembered.analysis },
  };
}
