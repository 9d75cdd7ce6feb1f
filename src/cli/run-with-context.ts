import { isAppError } from '../domain/shared/errors.js';
import { type AppContext, type ContextOptions, openContext } from '../main/context.js';
import type { CliIo } from './io.js';

/** Opens the context, runs a command in it, closes it; a coded error is printed, French first. */
export async function runWithContext(
  io: CliIo,
  options: ContextOptions,
  fn: (context: AppContext) => Promise<number>,
): Promise<void> {
  let context: AppContext | undefined;
  try {
    context = await openContext(options);
    io.setExitCode(await fn(context));
  } catch (e) {
    if (!isAppError(e)) throw e;
    io.err(errorText(e));
    io.setExitCode(2);
  } finally {
    await context?.close();
  }
}

export function errorText(e: { text: { fr: string; en: string }; fix: { fr: string; en: string } }): string {
  return `${e.text.fr}\n${e.fix.fr}\n\n${e.text.en}\n${e.fix.en}`;
}
