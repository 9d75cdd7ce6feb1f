import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { loadCorpus } from './corpus.js';
import { benchImport, printImportBench } from './import.js';
import { makeLargeDocx } from './make-large-docx.js';
import { measureMemory } from './memory.js';
import {
  type BenchFile,
  inflateStream,
  inflateSync,
  loadBenchFile,
  mammothTool,
  ours,
  pandocTool,
  pandocVersion,
} from './peers.js';
import { analyseManuscript } from './reader.js';
import { printRatios, printTable, printTargets, recordTarget } from './report.js';
import { measure, type Tool } from './timing.js';
import { benchUpload } from './upload.js';

/**
 * npm run bench [-- --reps 5 --large-reps 5 --reps-40 3 --pandoc-every 4 --skip-40 --pandoc-40 --skip-upload
 *                   --import-messages 2000 --skip-import]
 * A benchmark, not a test: analysis throughput side by side with mammoth, pandoc and the bare cost
 * of inflating the same XML parts, over the shared corpus and over generated large manuscripts;
 * then peak memory while analysing a 40 MiB document.xml; then uploads to the web desk under load
 * (bench/upload.ts); then the e-mail intake: an mbox of 2,000 messages with a .docx each, imported
 * for real, next to postal-mime's bare parse of the same messages (bench/import.ts). See docs/benchmarks.md.
 */

const { values: args } = parseArgs({
  options: {
    reps: { type: 'string', default: '5' },
    'large-reps': { type: 'string', default: '5' },
    'reps-40': { type: 'string', default: '3' },
    'pandoc-every': { type: 'string', default: '4' },
    'skip-40': { type: 'boolean', default: false },
    'pandoc-40': { type: 'boolean', default: false },
    'skip-upload': { type: 'boolean', default: false },
    'import-messages': { type: 'string', default: '2000' },
    'skip-import': { type: 'boolean', default: false },
  },
});
const REPS = Number(args.reps);
const LARGE_REPS = Number(args['large-reps']);
const PANDOC_EVERY = Number(args['pandoc-every']);

const pandoc = pandocVersion();

async function benchCorpus(): Promise<void> {
  const corpus = loadCorpus();
  if (corpus === null) {
    console.log('\n(a) corpus: folder ../shared/corpus not found — skipped');
    return;
  }
  const files: BenchFile[] = [];
  for (const row of corpus.docx) {
    try {
      files.push(await loadBenchFile(row.path, row.file));
    } catch {
      // not a zip: nothing to compare
    }
  }
  files.sort((a, b) => a.path.localeCompare(b.path));
  const tools: Tool<BenchFile>[] = [ours, mammothTool, inflateStream, inflateSync];
  if (pandoc) tools.push(pandocTool((_f, i) => i % PANDOC_EVERY === 0));
  const timings = await measure(tools, files, REPS);
  const subset = pandoc
    ? `; pandoc on every ${PANDOC_EVERY}th file (sorted by path), one process per file`
    : '';
  printTable(
    `(a) corpus: ${files.length} docx files in memory, median of ${REPS} interleaved repetitions${subset}`,
    timings,
    files,
  );
  printRatios('corpus', timings, true);
}

async function checkAgainstGenerator(
  file: BenchFile,
  expected: { signesTotal: number; rawStoryLength: number },
) {
  const analysis = await analyseManuscript({ bytes: file.bytes, name: file.name }, { keepText: false });
  const counts = analysis.manuscript?.counts;
  const signes = counts?.signes.total ?? null;
  const raw = counts?.rawStoryLength ?? null;
  const ok = signes === expected.signesTotal && raw === expected.rawStoryLength;
  console.log(
    `  check against the generator: signes.total ${signes} (expected ${expected.signesTotal}), rawStoryLength ${raw} (expected ${expected.rawStoryLength}): ${ok ? 'agree' : `DISAGREE${analysis.error ? ` (${analysis.error.code})` : ''}`}`,
  );
}

/** The 40 MiB run skips the warm-up pass: the 5 MiB run has already warmed the same code. */
async function benchLarge(
  mib: number,
  o: { pandoc: boolean; reps: number; warmup: boolean },
): Promise<string> {
  const made = await makeLargeDocx(mib);
  const file = await loadBenchFile(made.path);
  const title = `(b) generated manuscript ${made.path.replace(/.*\/bench\//, 'bench/')}: document.xml ${(made.documentXmlBytes / 1e6).toFixed(1)} MB (${mib} MiB), file ${(made.fileBytes / 1e6).toFixed(2)} MB, ${made.expected.footnotes} footnotes`;
  const tools: Tool<BenchFile>[] = [ours, mammothTool, inflateStream, inflateSync];
  if (o.pandoc && pandoc) tools.push(pandocTool());
  const timings = await measure(tools, [file], o.reps, o.warmup);
  const warm = o.warmup ? '' : ', no warm-up pass';
  printTable(`${title}, median of ${o.reps} interleaved repetitions${warm}`, timings, [file]);
  if (pandoc && !o.pandoc) {
    console.log('  (pandoc not run on this file: about a minute and 3 GB per run here; --pandoc-40 runs it)');
  }
  await checkAgainstGenerator(file, made.expected);
  printRatios(`${mib} MiB`, timings, true);
  return made.path;
}

function benchMemory(path: string): void {
  console.log(
    `\n(c) peak memory analysing the 40 MiB document.xml (${path.replace(/.*\/bench\//, 'bench/')}, read from disk), child processes, median of 3`,
  );
  for (const keepText of [false, true]) {
    const m = measureMemory(path, keepText);
    const mb = (n: number | null) => (n === null ? '—' : `${(n / 1e6).toFixed(1)} MB`);
    const label = keepText ? 'keepText: true (paragraph texts kept)' : 'keepText: false (counting only)';
    console.log(`  ${label}`);
    console.log(
      `    child importing the modules only: peak RSS ${mb(m.idle.vmHwmBytes ?? m.idle.maxRssBytes)}`,
    );
    console.log(
      `    child analysing the file:         peak RSS ${mb(m.analyse.vmHwmBytes ?? m.analyse.maxRssBytes)} (${m.analyse.error ?? 'ok'}, ${(m.analyse.ms ?? 0).toFixed(0)} ms, signes ${m.analyse.signes})`,
    );
    const pass = m.deltaBytes < 120e6;
    console.log(`    difference: ${mb(m.deltaBytes)}  target < 120 MB: ${pass ? 'PASS' : 'MISS'}`);
    recordTarget({
      what: `memory 40 MiB, ${label.split(' (')[0]}: MB above idle`,
      ratio: m.deltaBytes / 1e6,
      kind: 'max',
      limit: 120,
    });
  }
}

async function main(): Promise<void> {
  console.log(`appel bench — node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'})`);
  console.log(pandoc ? `pandoc: ${pandoc}` : 'pandoc: not installed, skipped');
  await benchCorpus();
  await benchLarge(5, { pandoc: true, reps: LARGE_REPS, warmup: true });
  if (!args['skip-40']) {
    const path = await benchLarge(40, {
      pandoc: Boolean(args['pandoc-40']),
      reps: Number(args['reps-40']),
      warmup: false,
    });
    benchMemory(path);
  }
  if (!args['skip-upload']) {
    const upload = await benchUpload({ connections: 20, seconds: 15, amount: 3000, kib: 200 });
    if (upload.desk === null) process.exitCode = 1;
    recordTarget({
      what: 'uploads: desk / bare Fastify, submissions per second',
      ratio: upload.ratio,
      kind: 'min',
      limit: 0.5,
    });
    recordTarget({ what: 'uploads: submissions lost', ratio: upload.lost, kind: 'max', limit: 0 });
  }
  if (!args['skip-import']) {
    const intake = await benchImport(Number(args['import-messages']));
    printImportBench(intake);
    // Every message of the generated mbox must be taken in: a bench that loses mail is no bench.
    recordTarget({ what: 'e-mail import: errors', ratio: intake.summary.errors, kind: 'max', limit: 0 });
  }
  printTargets();
}

await main();
