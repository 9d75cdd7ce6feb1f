import { judgeManuscript } from '../domain/call/judge-manuscript.js';
import type { Call } from '../domain/call/schema.js';
import type { FileStore } from '../ports/file-store.js';
import type { JsonValue } from '../ports/json.js';
import type { ManuscriptReader } from '../ports/manuscript-reader.js';
import type { NewVersion } from '../ports/submission-store.js';
import type { Analysis } from './analysis.js';

export interface ReceivedFile {
  name: string;
  bytes: Buffer;
}

export interface JudgedFile {
  file: ReceivedFile;
  analysis: Analysis;
  version: NewVersion;
  verdict: 'pass' | 'fail' | 'unreadable';
}

/**
 * Stores every file (durably, by hash), reads each, and picks the manuscript: the first file that
 * reads as one, else the first file (a PDF is recorded too: nothing received is lost).
 */
export async function storeAndJudge(
  files: readonly ReceivedFile[],
  receivedAt: Date,
  call: Call,
  deps: { files: FileStore; read: ManuscriptReader },
): Promise<JudgedFile> {
  const stored = await Promise.all(files.map(async (f) => ({ file: f, put: await deps.files.put(f.bytes) })));
  const analyses = await Promise.all(files.map((f) => deps.read({ bytes: f.bytes, name: f.name })));
  const chosen = Math.max(
    0,
    analyses.findIndex((a) => a.manuscript !== null),
  );
  const analysis = analyses[chosen] as Analysis;
  const { file, put } = stored[chosen] as (typeof stored)[number];
  const judgement = judgeManuscript(call.manuscript, analysis.manuscript, analysis.error);
  return {
    file,
    analysis,
    verdict: judgement.verdict,
    version: {
      fileSha256: put.sha256,
      fileName: file.name,
      format: analysis.manuscript?.format ?? analysis.kind,
      byteSize: put.byteSize,
      mediaType: 'application/octet-stream',
      analysis: analysisJson(analysis),
      signesTotal: analysis.manuscript?.counts.signes.total ?? null,
      receivedAt,
      findings: judgement.findings,
    },
  };
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
