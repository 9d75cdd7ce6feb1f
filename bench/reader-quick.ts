import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadCorpus } from './corpus.js';
import { analyseManuscript } from './reader.js';

/**
 * node --import tsx bench/reader-quick.ts [--reps 7] [--fingerprint] [files…]
 * A focused micro-benchmark for whoever works on the reader: our time alone (no peers) on the
 * corpus docx files and on given files (e.g. bench/out/manuscrit-5mib.docx), median of reps; with
 * --fingerprint, a SHA-256 of every result (counts, paragraphs, facts, notes, errors) over the
 * corpus (docx and odt) and the given files, so that a speed change can be shown not to change
 * any figure. Not a substitute for `npm run bench`, which sets us beside mammoth and the inflate.
 */

const { values: args, positionals } = parseArgs({
  options: {
    reps: { type: 'string', default: '7' },
    fingerprint: { type: 'boolean', default: false },
    'keep-text': { type: 'boolean', default: true },
  },
  allowPositionals: true,
});

const corpus = loadCorpus();
const corpusFiles = (corpus?.docx ?? []).map((r) => ({ name: r.file, bytes: readFileSync(r.path) }));
const odtFiles = (corpus?.odt ?? []).map((r) => ({ name: r.file, bytes: readFileSync(r.path) }));
const extra = positionals.map((p) => ({ name: p, bytes: readFileSync(p) }));

async function fingerprint(files: { name: string; bytes: Buffer }[]): Promise<string> {
  const hash = createHash('sha256');
  for (const f of files) {
    const a = await analyseManuscript({ bytes: f.bytes, name: f.name }, { keepText: true });
    hash.update(JSON.stringify({ f: f.name, k: a.kind, m: a.manuscript, e: a.error?.code ?? null }));
  }
  return hash.digest('hex');
}

/** Wall time and CPU time (the CPU time moves less when other work shares the machine). */
async function time(files: { name: string; bytes: Buffer }[]): Promise<[number, number]> {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  for (const f of files) {
    await analyseManuscript({ bytes: f.bytes, name: f.name }, { keepText: args['keep-text'] });
  }
  const cpu = process.cpuUsage(cpuStarted);
  return [performance.now() - started, (cpu.user + cpu.system) / 1000];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

if (args.fingerprint) {
  console.log(`corpus docx (${corpusFiles.length}): ${await fingerprint(corpusFiles)}`);
  console.log(`corpus odt  (${odtFiles.length}): ${await fingerprint(odtFiles)}`);
  for (const f of extra) console.log(`${f.name}: ${await fingerprint([f])}`);
} else {
  const reps = Number(args.reps);
  const sets: [string, { name: string; bytes: Buffer }[]][] = [['corpus docx', corpusFiles]];
  for (const f of extra) sets.push([f.name, [f]]);
  for (const [label, files] of sets) {
    if (files.length === 0) continue;
    await time(files);
    const ms: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < reps; i++) {
      const [wall, used] = await time(files);
      ms.push(wall);
      cpu.push(used);
    }
    console.log(
      `${label}: median ${median(ms).toFixed(1)} ms, min ${Math.min(...ms).toFixed(1)} ms, min CPU ${Math.min(...cpu).toFixed(1)} ms`,
    );
  }
}
