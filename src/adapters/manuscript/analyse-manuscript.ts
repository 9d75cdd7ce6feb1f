import { open, readFile, stat } from 'node:fs/promises';
import type { Analysis, ManuscriptSource } from '../../app/analysis.js';
import { DEFAULT_LIMITS, type ReaderLimits } from '../../domain/manuscript/limits.js';
import type { FileKind, Manuscript } from '../../domain/manuscript/model.js';
import { AppError, isAppError } from '../../domain/shared/errors.js';
import type { ReadOptions } from '../../ports/manuscript-reader.js';
import { readDoc } from '../doc/read-doc.js';
import { readDocx } from '../docx/read-docx.js';
import { readOdt } from '../odt/read-odt.js';
import { Deadline } from '../shared/deadline.js';
import { describeKind, oleKind, sniffBytes, zipKind } from '../sniff/identify.js';
import { ZipArchive } from '../zip/zip-archive.js';

const HEAD_BYTES = 8192;

interface Opened {
  name: string;
  size: number;
  head: Buffer;
  /** What the zip reader opens: the path (read in place) or the bytes. */
  zipSource: string | Buffer;
  bytes: () => Promise<Buffer>;
}

/**
 * Reads one manuscript: recognises the file by its content, picks the reader, keeps every cap, and
 * turns any failure into a coded error on the analysis. It never throws for a bad file.
 */
export async function analyseManuscript(
  source: ManuscriptSource,
  options: ReadOptions = {},
): Promise<Analysis> {
  const limits: ReaderLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const file = 'path' in source ? source.path : source.name;
  const analysis: Analysis = { file, kind: 'unknown', manuscript: null, error: null };
  try {
    const opened = await openSource(source, limits);
    const deadline = new Deadline(limits.maxMilliseconds);
    const read = await readByKind(opened, limits, deadline, options.keepText ?? true);
    analysis.kind = read.kind;
    analysis.manuscript = read.manuscript;
    if (!read.manuscript) {
      const kind = describeKind(read.kind);
      analysis.error = new AppError('NOT_A_WORD_FILE', { kind: kind.fr, kindEn: kind.en });
    }
  } catch (e) {
    analysis.error = isAppError(e) ? e : new AppError('FILE_UNREADABLE');
    if (analysis.error.code === 'ENCRYPTED' || analysis.error.code === 'ODT_ENCRYPTED')
      analysis.kind = 'encrypted-office';
  }
  return analysis;
}

async function openSource(source: ManuscriptSource, limits: ReaderLimits): Promise<Opened> {
  if ('bytes' in source) {
    checkSize(source.bytes.length, limits);
    const bytes = source.bytes;
    return {
      name: source.name,
      size: bytes.length,
      head: bytes.subarray(0, HEAD_BYTES),
      zipSource: bytes,
      bytes: async () => bytes,
    };
  }
  const { size } = await stat(source.path).catch(() => {
    throw new AppError('FILE_UNREADABLE');
  });
  checkSize(size, limits);
  const handle = await open(source.path, 'r');
  try {
    const head = Buffer.alloc(Math.min(size, HEAD_BYTES));
    await handle.read(head, 0, head.length, 0);
    return { name: source.path, size, head, zipSource: source.path, bytes: () => readFile(source.path) };
  } finally {
    await handle.close();
  }
}

function checkSize(size: number, limits: ReaderLimits): void {
  if (size === 0) throw new AppError('FILE_EMPTY');
  if (size > limits.maxFileBytes) throw new AppError('FILE_TOO_LARGE', { size, max: limits.maxFileBytes });
}

async function readByKind(
  opened: Opened,
  limits: ReaderLimits,
  deadline: Deadline,
  keepText: boolean,
): Promise<{ kind: FileKind; manuscript: Manuscript | null }> {
  const sniffed = sniffBytes(opened.head);
  if (sniffed === 'ole-container') {
    const bytes = await opened.bytes();
    const kind = oleKind(bytes);
    if (kind === 'encrypted-office') throw new AppError('ENCRYPTED');
    if (kind !== 'doc') return { kind, manuscript: null };
    return { kind, manuscript: await readDoc(bytes, { limits, deadline, keepText }) };
  }
  if (sniffed !== 'zip-container') return { kind: sniffed, manuscript: null };
  const archive = await ZipArchive.open(opened.zipSource, limits, deadline);
  try {
    const kind = await zipKind(archive);
    if (kind === 'docx' || kind === 'docm' || kind === 'dotx' || kind === 'dotm') {
      return { kind, manuscript: await readDocx(archive, { limits, deadline, format: kind, keepText }) };
    }
    if (kind === 'odt') return { kind, manuscript: await readOdt(archive, { limits, deadline, keepText }) };
    return { kind, manuscript: null };
  } finally {
    archive.close();
  }
}
