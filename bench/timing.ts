import { median } from './corpus.js';

/**
 * Side-by-side timing on a shared, noisy machine: every repetition runs every tool on every input,
 * item by item, in an order that rotates from one repetition to the next; figures are medians over
 * repetitions. A tool may skip inputs (pandoc runs on a subset): its totals cover what it ran.
 */

export interface Tool<T> {
  name: string;
  /** Which inputs this tool runs on (all when absent). */
  accepts?: (item: T, index: number) => boolean;
  run: (item: T) => Promise<unknown>;
}

export interface Timings {
  /** ms[tool][rep][item]; NaN where the tool did not run the item. */
  ms: Map<string, number[][]>;
  failures: Map<string, Set<number>>;
}

export async function measure<T>(
  tools: Tool<T>[],
  items: T[],
  reps: number,
  warmup = true,
): Promise<Timings> {
  const timings: Timings = { ms: new Map(), failures: new Map() };
  for (const tool of tools) {
    timings.ms.set(tool.name, []);
    timings.failures.set(tool.name, new Set());
  }
  if (warmup) await pass(tools, items, timings, 0, false);
  for (let rep = 0; rep < reps; rep++) await pass(tools, items, timings, rep, true);
  return timings;
}

async function pass<T>(tools: Tool<T>[], items: T[], timings: Timings, rep: number, record: boolean) {
  const rows = tools.map(() => new Array<number>(items.length).fill(Number.NaN));
  for (let i = 0; i < items.length; i++) {
    for (let k = 0; k < tools.length; k++) {
      const t = (k + rep + i) % tools.length;
      const tool = tools[t] as Tool<T>;
      const item = items[i] as T;
      if (tool.accepts && !tool.accepts(item, i)) continue;
      const started = performance.now();
      try {
        await tool.run(item);
      } catch {
        timings.failures.get(tool.name)?.add(i);
      }
      (rows[t] as number[])[i] = performance.now() - started;
    }
  }
  if (!record) return;
  tools.forEach((tool, t) => {
    timings.ms.get(tool.name)?.push(rows[t] as number[]);
  });
}

/** Median over repetitions of the total time (ms) a tool spent on the items `include` keeps. */
export function totalMs(
  timings: Timings,
  tool: string,
  include: (index: number) => boolean = () => true,
): number {
  const reps = timings.ms.get(tool) ?? [];
  return median(
    reps.map((row) => row.reduce((sum, ms, i) => (include(i) && !Number.isNaN(ms) ? sum + ms : sum), 0)),
  );
}

/** Indices of the items a tool ran. */
export function ranOn(timings: Timings, tool: string): Set<number> {
  const first = timings.ms.get(tool)?.[0] ?? [];
  return new Set(first.flatMap((ms, i) => (Number.isNaN(ms) ? [] : [i])));
}
