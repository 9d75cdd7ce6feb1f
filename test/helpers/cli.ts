import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/main/cli.js';

/** Runs the command line's main() in this process, as `appel …` would, and captures what it prints. */
export async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  let exitCode = 0;
  const io: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    setExitCode: (c) => {
      exitCode = c;
    },
  };
  const code = await main(args, io);
  return { code: Math.max(code, exitCode), out: out.join('\n'), err: err.join('\n') };
}
