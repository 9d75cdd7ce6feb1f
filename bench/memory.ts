import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './corpus.js';

/**
 * Peak memory of one analysis, measured in fresh child processes: the peak RSS of a child that
 * analyses the file, minus the peak RSS of the same child that only imports the modules.
 */

export interface ChildPeak {
  maxRssBytes: number;
  vmHwmBytes: number | null;
  ms?: number;
  error?: string | null;
  signes?: number | null;
}

export interface MemoryFigures {
  idle: ChildPeak;
  analyse: ChildPeak;
  /** Peak of the analysing child minus the idle child's. */
  deltaBytes: number;
}

function runChild(args: string[]): ChildPeak {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(REPO_ROOT, 'bench', 'memory-child.ts'), ...args],
    {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      maxBuffer: 1024 * 1024,
    },
  );
  if (result.status !== 0) throw new Error(`memory child failed: ${result.stderr.slice(0, 500)}`);
  const line = result.stdout.trim().split('\n').pop() ?? '{}';
  return JSON.parse(line) as ChildPeak;
}

function peak(p: ChildPeak): number {
  return p.vmHwmBytes ?? p.maxRssBytes;
}

/** Median-of-three children each way, interleaved, so that one noisy start does not decide. */
export function measureMemory(path: string, keepText: boolean, reps = 3): MemoryFigures {
  const idle: ChildPeak[] = [];
  const analyse: ChildPeak[] = [];
  for (let i = 0; i < reps; i++) {
    idle.push(runChild(['idle']));
    analyse.push(runChild(['analyse', path, keepText ? 'keepText' : 'countOnly']));
  }
  const mid = (list: ChildPeak[]) =>
    [...list].sort((a, b) => peak(a) - peak(b))[list.length >> 1] as ChildPeak;
  const i = mid(idle);
  const a = mid(analyse);
  return { idle: i, analyse: a, deltaBytes: peak(a) - peak(i) };
}
