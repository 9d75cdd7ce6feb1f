import { readFileSync } from 'node:fs';
import { analyseManuscript } from './reader.js';

/**
 * Run by bench/memory.ts in a child process: `idle` only imports the modules; `analyse FILE
 * [keepText]` analyses one file. Prints the process's peak resident memory as JSON.
 */

function vmHwmBytes(): number | null {
  try {
    const match = readFileSync('/proc/self/status', 'utf8').match(/^VmHWM:\s+(\d+)\s+kB/m);
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

const [mode, path, keep] = process.argv.slice(2);
const out: Record<string, unknown> = { mode };
if (mode === 'analyse' && path) {
  const started = performance.now();
  const analysis = await analyseManuscript({ path }, { keepText: keep === 'keepText' });
  out.ms = performance.now() - started;
  out.error = analysis.error?.code ?? null;
  out.signes = analysis.manuscript?.counts.signes.total ?? null;
}
out.maxRssBytes = process.resourceUsage().maxRSS * 1024;
out.vmHwmBytes = vmHwmBytes();
console.log(JSON.stringify(out));
