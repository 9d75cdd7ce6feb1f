import { readFile } from 'node:fs/promises';
import { parse, YAMLParseError } from 'yaml';
import { type CallProblem, validateCall } from '../../domain/call/parse-call.js';
import type { Call } from '../../domain/call/schema.js';
import { SOCIOGRAPHE_81 } from '../../domain/call/sociographe-81.js';
import { AppError, isAppError } from '../../domain/shared/errors.js';

/**
 * Reads a call file (YAML, or JSON — YAML reads JSON too) and validates it. Without a path, the
 * embedded Sociographe no. 81 call. A call file is small: anything above the cap is refused
 * rather than parsed, and YAML aliases are capped (a « billion laughs » file stays harmless).
 */

const MAX_BYTES = 1_000_000;

export type LoadedCall =
  | { ok: true; call: Call; source: string }
  | { ok: false; error: AppError; problems: CallProblem[]; source: string };

export const DEFAULT_CALL_SOURCE = '(appel par défaut : Sociographe n° 81)';

/** Parses the text of a call file; a syntax error becomes CALL_FILE_SYNTAX with its line. */
export function parseCallText(text: string, path: string): unknown {
  try {
    return parse(text, { maxAliasCount: 50, uniqueKeys: true, prettyErrors: true });
  } catch (e) {
    if (e instanceof YAMLParseError) {
      const line = e.linePos?.[0]?.line ?? '?';
      const detail = e.message.split('\n')[0] ?? e.message;
      throw new AppError('CALL_FILE_SYNTAX', { path, line, detail });
    }
    // yaml refuses an alias bomb with a ReferenceError once the alias count is exceeded.
    if (e instanceof ReferenceError) {
      throw new AppError('CALL_FILE_SYNTAX', { path, line: '?', detail: 'too many YAML aliases (*name)' });
    }
    throw e;
  }
}

async function readText(path: string): Promise<string> {
  try {
    const bytes = await readFile(path);
    if (bytes.length > MAX_BYTES) {
      throw new AppError('FILE_TOO_LARGE', { size: bytes.length, max: MAX_BYTES });
    }
    return bytes.toString('utf8');
  } catch (e) {
    if (isAppError(e)) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR')
      throw new AppError('CALL_FILE_NOT_FOUND', { path });
    throw e;
  }
}

export async function loadCall(path?: string): Promise<LoadedCall> {
  if (path === undefined) return { ok: true, call: SOCIOGRAPHE_81, source: DEFAULT_CALL_SOURCE };
  try {
    const data = parseCallText(await readText(path), path);
    const v = validateCall(data);
    return v.ok
      ? { ok: true, call: v.call, source: path }
      : { ok: false, error: v.error, problems: v.problems, source: path };
  } catch (e) {
    if (isAppError(e)) return { ok: false, error: e, problems: [], source: path };
    throw e;
  }
}
