import { isAppError } from '../domain/shared/errors.js';
import { type AppContext, type ContextOptions, openContext } from '../main/context.js';
import type { CliIo } from './io.js';

/** Opens the context, runs a command in it, closes it; a coded error is printed, French first. */
export function runWithContext(
  io: CliIo,
  options: ContextOptions,
  fn: (context: AppContext) => Promise<number>,
): Promise<void> {
  return runOpened(io, () => openContext(options), fn);
}

/**
 * The same for what a command opens instead of the whole context (`appel sweep` opens only the
 * data folder and the database): run, close, print a coded error.
 */
export async function runOpened<T extends { close(): Promise<void> }>(
  io: CliIo,
  open: () => Promise<T>,
  fn: (opened: T) => Promise<number>,
): Promise<void> {
  let opened: T | undefined;
  try {
    opened = await open();
    io.setExitCode(await fn(opened));
  } catch (e) {
    if (!isAppError(e)) throw e;
    io.err(errorText(e));
    io.setExitCode(2);
  } finally {
    await opened?.close();
  }
}

export function errorText(e: { text: { fr: string; en: string }; fix: { fr: string; en: string } }): string {
  return `${e.text.fr}\n${e.fix.fr}\n\n${e.text.en}\n${e.fix.en}`;
}
