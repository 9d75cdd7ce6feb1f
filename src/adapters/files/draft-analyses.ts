import { createHash } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AppError, ERRORS, type ErrorCode, type ErrorParams } from '../../domain/shared/errors.js';
import type {
  DraftAnalyses,
  KeptAnalysis,
  RememberedAnalysis,
  SweepableDraftAnalyses,
} from '../../ports/draft-analyses.js';
import type { Swept } from '../../ports/file-store.js';
import {
  clearTemporariesIn,
  isDurableTemporary,
  namesIn,
  removeIfThere,
  syncDir,
  writeReplacing,
} from './durable.js';

const SHA256 = /^[0-9a-f]{64}$/;
const ENTRY = /^([0-9a-f]{64})\.json$/;
/** Raised when what is written changes shape: older entries are then ignored, not misread. */
const FORMAT = 1;

interface Header {
  format: number;
  sha256: string;
  byteSize: number;
  /** SHA-256 of the body as written: a torn or altered entry is never trusted. */
  digest: string;
}

/**
 * Remembered analyses as files: DATA/drafts/<sha256>.json, private to the server (never served).
 * One header line (the file's hash and size, the body's digest), then the analysis as JSON.
 *
 * Only a shortcut, so written without waiting for the disk (temp, rename: no fsync, which cost the
 * check step two disk flushes): an entry that is missing, unreadable, of another format, for other
 * bytes or not matching its digest (as a power cut may leave it) is answered null, and the caller
 * reads the file itself as before.
 */
export class LocalDraftAnalyses implements DraftAnalyses, SweepableDraftAnalyses {
  private dirMade = false;

  constructor(readonly dir: string) {}

  async find(sha256: string): Promise<RememberedAnalysis | null> {
    if (!SHA256.test(sha256)) return null;
    let text: string;
    try {
      text = await readFile(this.pathOf(sha256), 'utf8');
    } catch {
      return null;
    }
    return decode(text, sha256);
  }

  async remember(sha256: string, remembered: RememberedAnalysis): Promise<void> {
    if (!SHA256.test(sha256)) throw new AppError('STORED_FILE_MISSING', { sha256: 'invalid reference' });
    await this.makeDir();
    await writeReplacing(this.dir, `${sha256}.json`, Buffer.from(encode(sha256, remembered), 'utf8'));
  }

  async forget(sha256: string): Promise<void> {
    if (!SHA256.test(sha256)) return;
    await removeIfThere(this.pathOf(sha256));
  }

  async *listKept(): AsyncIterable<KeptAnalysis> {
    for (const name of await namesIn(this.dir)) {
      const sha256 = ENTRY.exec(name)?.[1];
      const s = sha256 ? await stat(join(this.dir, name)).catch(() => null) : null;
      if (sha256 && s?.isFile()) yield { sha256, byteSize: s.size, writtenAt: s.mtime };
    }
  }

  /**
   * Only a shortcut goes: an entry written again between the look and the removal (another
   * author's check of the same bytes) may go with it, and that check's confirmation reads the file.
   */
  async discard(sha256: string, writtenBefore: Date): Promise<number | null> {
    if (!SHA256.test(sha256)) return null;
    const s = await stat(this.pathOf(sha256)).catch(() => null);
    if (!s || s.mtimeMs > writtenBefore.getTime()) return null;
    return (await removeIfThere(this.pathOf(sha256))) ? s.size : null;
  }

  clearTemporaries(untouchedSince: Date, dryRun: boolean): Promise<Swept> {
    return clearTemporariesIn(this.dir, isDurableTemporary, untouchedSince, dryRun);
  }

  /** The folder, made once; a folder just made is a new name in its parent, fsynced too. */
  private async makeDir(): Promise<void> {
    if (this.dirMade) return;
    const first = await mkdir(this.dir, { recursive: true, mode: 0o700 });
    if (first !== undefined) await syncDir(dirname(this.dir));
    this.dirMade = true;
  }

  private pathOf(sha256: string): string {
    return join(this.dir, `${sha256}.json`);
  }
}

function encode(sha256: string, { byteSize, analysis }: RememberedAnalysis): string {
  const body = JSON.stringify({
    kind: analysis.kind,
    manuscript: analysis.manuscript,
    error: analysis.error ? { code: analysis.error.code, params: analysis.error.params } : null,
  });
  const header: Header = { format: FORMAT, sha256, byteSize, digest: digestOf(body) };
  return `${JSON.stringify(header)}\n${body}`;
}

function decode(text: string, sha256: string): RememberedAnalysis | null {
  const newline = text.indexOf('\n');
  if (newline < 0) return null;
  try {
    const header = JSON.parse(text.slice(0, newline)) as Partial<Header>;
    const body = text.slice(newline + 1);
    if (header.format !== FORMAT || header.sha256 !== sha256 || typeof header.byteSize !== 'number') {
      return null;
    }
    if (header.digest !== digestOf(body)) return null;
    const parsed = JSON.parse(body) as {
      kind: RememberedAnalysis['analysis']['kind'];
      manuscript: RememberedAnalysis['analysis']['manuscript'];
      error: { code: string; params: ErrorParams } | null;
    };
    const error = parsed.error ? errorOf(parsed.error.code, parsed.error.params) : null;
    if (parsed.error && !error) return null;
    return {
      byteSize: header.byteSize,
      analysis: { kind: parsed.kind, manuscript: parsed.manuscript, error },
    };
  } catch {
    return null;
  }
}

/** The coded error again; null for a code this version no longer has (the entry is then ignored). */
function errorOf(code: string, params: ErrorParams): AppError | null {
  return Object.hasOwn(ERRORS, code) ? new AppError(code as ErrorCode, params) : null;
}

function digestOf(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('hex');
}
