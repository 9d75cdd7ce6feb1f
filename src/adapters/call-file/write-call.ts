import { open } from 'node:fs/promises';
import { stringify } from 'yaml';
import type { CallInput } from '../../domain/call/schema.js';
import { AppError } from '../../domain/shared/errors.js';

/**
 * Writes a call file as YAML. An existing file is never replaced unless asked (`force`): a
 * journal keeps one file per call, and overwriting last year's call by mistake loses its rules.
 */

const HEADER = [
  '# Appel à auteurs — fichier lu par « appel » (appel call show|validate FICHIER).',
  '# Call for authors — read by "appel" (appel call show|validate FILE).',
  '# Dates : AAAA-MM-JJ, date limite incluse, fuseau Europe/Paris par défaut.',
  '',
].join('\n');

export function callToYaml(call: CallInput): string {
  return HEADER + stringify(call, { lineWidth: 100 });
}

export async function writeCallFile(path: string, call: CallInput, force = false): Promise<void> {
  const text = callToYaml(call);
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    // 'wx' fails if the file exists, atomically: no window between a check and the write.
    handle = await open(path, force ? 'w' : 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new AppError('FILE_EXISTS', { path });
    throw e;
  }
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}
