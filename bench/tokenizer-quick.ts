import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { inflateRawSync } from 'node:zlib';
import sax from 'sax';
import { StoryWalker } from '../src/adapters/docx/story-walker.js';
import { XmlTokenizer } from '../src/adapters/xml/tokenizer.js';
import { emptyFacts } from '../src/domain/manuscript/model.js';
import { Tally } from '../src/domain/manuscript/tally.js';
import { storedParts } from './zip-parts.js';

/**
 * node --import tsx bench/tokenizer-quick.ts [--reps 9] [--sax] FILE.docx
 * The tokenizer alone on the main part of a .docx (bench/out/manuscrit-5mib.docx), fed in 64 KiB
 * string chunks: with an empty handler, and with a handler that reads w:val everywhere (as the
 * walker once did), beside sax (--sax) and TextDecoder. For whoever works on the tokenizer.
 */

const { values: args, positionals } = parseArgs({
  options: { reps: { type: 'string', default: '9' }, sax: { type: 'boolean', default: false } },
  allowPositionals: true,
});
const path = positionals[0] ?? 'bench/out/manuscrit-5mib.docx';
const parts = await storedParts(readFileSync(path), (n) => n === 'word/document.xml');
const part = parts[0];
if (!part) throw new Error(`${path}: no word/document.xml`);
const bytes = part.method === 8 ? inflateRawSync(part.data) : part.data;
const CHUNK = 64 * 1024;
const chunks: Buffer[] = [];
for (let i = 0; i < bytes.length; i += CHUNK) chunks.push(bytes.subarray(i, i + CHUNK));
const strings = chunks.map((c) => new TextDecoder().decode(c, { stream: false }));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

function run(label: string, once: () => void): void {
  once();
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < Number(args.reps); i++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    once();
    const used = process.cpuUsage(cpuStarted);
    ms.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  console.log(
    `${label.padEnd(40)} median ${median(ms).toFixed(1)} ms, min ${Math.min(...ms).toFixed(1)} ms, min CPU ${Math.min(...cpu).toFixed(1)} ms`,
  );
}

const options = { part: 'word/document.xml', maxDepth: 256 };
run('TextDecoder (streamed)', () => {
  const d = new TextDecoder();
  for (const c of chunks) d.decode(c, { stream: true });
});
run('tokenizer, empty handler', () => {
  const t = new XmlTokenizer({ open() {}, close() {}, text() {} }, options);
  for (const s of strings) t.write(s);
  t.end();
});
const whole = strings.join('');
run('tokenizer, empty handler, one string', () => {
  const t = new XmlTokenizer({ open() {}, close() {}, text() {} }, options);
  t.write(whole);
  t.end();
});
let sink = 0;
run('tokenizer, get("w:val") on every open', () => {
  const t = new XmlTokenizer(
    {
      open(_n, a) {
        sink += a.get('w:val')?.length ?? 0;
      },
      close() {},
      text(s) {
        sink += s.length;
      },
    },
    options,
  );
  for (const s of strings) t.write(s);
  t.end();
});
for (const keepText of [false, true]) {
  run(`tokenizer + story walker + tally${keepText ? ', texts kept' : ''}`, () => {
    const walker = new StoryWalker({
      tally: new Tally(keepText),
      styles: { get: () => undefined, languages: new Map() },
      facts: emptyFacts(),
      notes: [],
      languages: new Map(),
      story: 'body',
      countRaw: true,
    });
    const t = new XmlTokenizer(walker, options);
    for (const s of strings) t.write(s);
    t.end();
  });
}
if (args.sax) {
  run('sax (strict, xmlns)', () => {
    const p = sax.parser(true, { xmlns: true });
    for (const s of strings) p.write(s);
    p.close();
  });
}
console.log(`(${(bytes.length / 1e6).toFixed(2)} MB, ${sink > 0 ? 'ok' : ''})`);
