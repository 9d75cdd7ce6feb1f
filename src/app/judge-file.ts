import { judgeManuscript } from '../domain/call/judge-manuscript.js';
import type { Call } from '../domain/call/schema.js';
import { AppError } from '../domain/shared/errors.js';
import type { FileStore } from '../ports/file-store.js';
import type { JsonValue } from '../ports/json.js';
import type { ManuscriptReader } from '../ports/manuscript-reader.js';
import type { NewVersion } from '../ports/submission-store.js';
import type { Analysis } from './analysis.js';

export interface ReceivedFile {
  name: string;
  bytes: Buffer;
}

/**
 * A file already stored durably under its hash and already read (a web upload, kept and analysed
 * when the author checked it): it is neither written nor read again.
 */
export interface AnalysedFile {
  name: string;
  sha256: string;
  byteSize: number;
  analysis: Analysis;
}

export type IncomingFile = ReceivedFile | AnalysedFile;

export interface StoredFile {
  name: string;
  sha256: string;
  byteSize: number;
}

/** The size a letter gives for a file, whichever way it came. */
export function byteSizeOf(file: IncomingFile): number {
  return 'bytes' in file ? file.bytes.length : file.byteSize;
}

export interface JudgedFile {
  file: StoredFile;
  analysis: Analysis;
  version: NewVersion;
  verdict: 'pass' | 'fail' | 'unreadable';
}

/**
 * Stores every file (durably, by hash), reads each, and picks the manuscript: the first file that
 * reads as one, else the first file (a PDF is recorded too: nothing received is lost).
 */
export async function storeAndJudge(
  files: readonly IncomingFile[],
  receivedAt: Date,
  call: Call,
  deps: { files: FileStore; read: ManuscriptReader },
): Promise<JudgedFile> {
  const read = await Promise.all(files.map((f) => storeAndRead(f, deps)));
  const chosen = Math.max(
    0,
    read.findIndex((r) => r.analysis.manuscript !== null),
  );
  const { file, analysis } = read[chosen] as (typeof read)[number];
  const judgement = judgeManuscript(call.manuscript, analysis.manuscript, analysis.error);
  return {
    file,
    analysis,
    verdict: judgement.verdict,
    version: {
      fileSha256: file.sha256,
      fileName: file.name,
      format: analysis.manuscript?.format ?? analysis.kind,
      byteSize: file.byteSize,
      mediaType: 'application/octet-stream',
      analysis: analysisJson(analysis),
      signesTotal: analysis.manuscript?.counts.signes.total ?? null,
      receivedAt,
      findings: judgement.findings,
    },
  };
}

/** Stores and reads a received file; an analysed one is only checked to be in the store. */
async function storeAndRead(
  f: IncomingFile,
  deps: { files: FileStore; read: ManuscriptReader },
): Promise<{ file: StoredFile; analysis: Analysis }> {
  if ('bytes' in f) {
    const [put, analysis] = await Promise.all([
      deps.files.put(f.bytes),
      deps.read({ bytes: f.bytes, name: f.name }),
    ]);
    return { file: { name: f.name, sha256: put.sha256, byteSize: put.byteSize }, analysis };
  }
  // Files are stored before anything is recorded: a version never names a file the store lacks.
  if (!(await deps.files.has(f.sha256))) throw new AppError('STORED_FILE_MISSING', { sha256: f.sha256 });
  return { file: { name: f.name, sha256: f.sha256, byteSize: f.byteSize }, analysis: f.analysis };
}

/** The analysis kept with a version: counts and facts, not the text (it stays in the file). */
function analysisJson(analysis: Analysis): JsonValue | null {
  const m = analysis.manuscript;
  if (!m) return analysis.error ? { error: analysis.error.code, kind: analysis.kind } : null;
  return JSON.parse(
    JSON.stringify({ format: m.format, counts: m.counts, facts: m.facts, notes: m.notes }),
  ) as JsonValue;
}

/** The line a letter gives for this manuscript. */
export function manuscriptLine(judged: JudgedFile) {
  const m = judged.analysis.manuscript;
  return {
    fileName: judged.file.name,
    verdict: judged.verdict,
    signes: m?.counts.signes.total ?? null,
    approximate: m?.counts.approximate ?? false,
    findings: judged.version.findings,
  };
}
