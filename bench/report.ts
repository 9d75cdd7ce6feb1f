import { INFLATE_STREAM, INFLATE_SYNC, MAMMOTH, OURS, PANDOC } from './peers.js';
import { ranOn, type Timings, totalMs } from './timing.js';

/** Printing helpers for bench/run.ts: one table per set of inputs, then the ratios and targets. */

export interface Sized {
  name: string;
  documentXmlBytes: number;
}

export interface Target {
  what: string;
  ratio: number;
  /** 'min': ratio must be ≥ limit; 'max': ≤ limit. */
  kind: 'min' | 'max';
  limit: number;
}

export const targets: Target[] = [];

const MB = 1e6;

function fmt(n: number, digits = 1): string {
  if (!Number.isFinite(n)) return '—';
  return n >= 100 ? n.toFixed(0) : n.toFixed(digits);
}

export function printTable(title: string, timings: Timings, items: Sized[]): void {
  console.log(`\n${title}`);
  console.log(
    `  ${'tool'.padEnd(38)} ${'files'.padStart(5)} ${'XML MB'.padStart(7)} ${'median ms'.padStart(10)} ${'files/s'.padStart(8)} ${'MB/s'.padStart(7)}  failures`,
  );
  for (const [tool] of timings.ms) {
    const ran = ranOn(timings, tool);
    const ms = totalMs(timings, tool);
    const mb = [...ran].reduce((sum, i) => sum + (items[i]?.documentXmlBytes ?? 0), 0) / MB;
    const failures = timings.failures.get(tool)?.size ?? 0;
    const perSecond = (n: number) => fmt(n / (ms / 1000));
    console.log(
      `  ${tool.padEnd(38)} ${String(ran.size).padStart(5)} ${fmt(mb, 2).padStart(7)} ${fmt(ms, 1).padStart(10)} ${perSecond(ran.size).padStart(8)} ${perSecond(mb).padStart(7)}  ${failures}`,
    );
  }
  for (const [tool, failed] of timings.failures) {
    for (const i of failed)
      console.log(`  (${tool} failed on ${items[i]?.name ?? i}; its time still counts)`);
  }
}

/** Prints ours against each peer on the same inputs and records the targets. */
export function printRatios(label: string, timings: Timings, withTargets: boolean): void {
  const on = (tool: string) => ranOn(timings, tool);
  const ratio = (peer: string) => {
    const subset = on(peer);
    return totalMs(timings, peer) / totalMs(timings, OURS, (i) => subset.has(i));
  };
  const lines: [string, number, Target['kind'] | null, number][] = [];
  if (timings.ms.has(MAMMOTH))
    lines.push([`ours vs mammoth: ${MAMMOTH} time / ours`, ratio(MAMMOTH), 'min', 30]);
  if (timings.ms.has(PANDOC)) {
    const n = on(PANDOC).size;
    lines.push([
      `ours vs pandoc (same ${n} file${n === 1 ? '' : 's'}): pandoc time / ours`,
      ratio(PANDOC),
      'min',
      100,
    ]);
  }
  if (timings.ms.has(INFLATE_STREAM)) {
    lines.push([`ours vs bare inflate: ours / ${INFLATE_STREAM}`, 1 / ratio(INFLATE_STREAM), 'max', 4]);
  }
  if (timings.ms.has(INFLATE_SYNC)) {
    lines.push([
      'ours vs inflate floor: ours / zlib.inflateRawSync (information)',
      1 / ratio(INFLATE_SYNC),
      null,
      0,
    ]);
  }
  console.log(`  ratios (${label}):`);
  if (!timings.ms.has(PANDOC))
    console.log('    ours vs pandoc: not measured here (pandoc not installed, or not run on this file)');
  for (const [what, value, kind, limit] of lines) {
    if (kind === null || !withTargets) {
      console.log(`    ${what.padEnd(72)} ${fmt(value, 2).padStart(7)}×`);
      continue;
    }
    const pass = kind === 'min' ? value >= limit : value <= limit;
    const goal = kind === 'min' ? `≥ ${limit}` : `≤ ${limit}`;
    console.log(
      `    ${what.padEnd(72)} ${fmt(value, 2).padStart(7)}×  target ${goal}: ${pass ? 'PASS' : 'MISS'}`,
    );
    targets.push({ what: `${label}: ${what.split(':')[0]}`, ratio: value, kind, limit });
  }
}

export function recordTarget(target: Target): void {
  targets.push(target);
}

export function printTargets(): void {
  console.log('\ntargets');
  for (const t of targets) {
    const pass = t.kind === 'min' ? t.ratio >= t.limit : t.ratio <= t.limit;
    const goal = t.kind === 'min' ? `≥ ${t.limit}` : `≤ ${t.limit}`;
    console.log(`  ${pass ? 'PASS' : 'MISS'}  ${t.what.padEnd(64)} ${fmt(t.ratio, 2).padStart(8)} (${goal})`);
  }
}
