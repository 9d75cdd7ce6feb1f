import { type AnonymiserResult, checkAnonymiser } from './anonymise-check.js';
import {
  type ClassResult,
  checkDocx,
  checkOdt,
  type DocxResult,
  type OdtResult,
} from './conformance-checks.js';
import { corpusDir, loadCorpus } from './corpus.js';
import { diffTokenizers, type TokenizerDiff } from './tokenizer-diff.js';

/**
 * Conformance run over the shared corpus (npm run conformance [-- --json]): our figures against
 * the ones Word stored, per class of row (see shared/corpus/README.md), plus a differential test
 * of our XML tokenizer against sax. Exit code 1 when a story-length-1 or visible-text row misses.
 * The project's tests never depend on the corpus: when it is absent this run says so and exits 0.
 */

interface Summary {
  corpus: string;
  docx: DocxResult;
  odt: OdtResult;
  tokenizer: TokenizerDiff;
  anonymiser: AnonymiserResult;
  passed: boolean;
}

const json = process.argv.includes('--json');

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function signed(n: number | null): string {
  if (n === null) return 'n/a';
  return n > 0 ? `+${n}` : String(n);
}

function printClass(c: ClassResult): void {
  const percent = c.checked === 0 ? '—' : `${((100 * c.agreed) / c.checked).toFixed(1)} %`;
  console.log(`  ${c.name.padEnd(40)} ${`${c.agreed}/${c.checked}`.padStart(7)}  (${percent})`);
  for (const m of c.misses) {
    const got = m.got === null ? `unreadable (${m.error})` : String(m.got);
    console.log(`    MISS ${m.file}: expected ${m.expected}, got ${got}, difference ${signed(m.difference)}`);
  }
}

function printDocx(d: DocxResult): void {
  console.log(`docx: ${d.files} files, ${d.readable} read without error, ${d.unreadable.length} unreadable`);
  for (const c of d.classes) printClass(c);
  for (const u of d.unreadable) console.log(`  UNREADABLE ${u.file}: ${u.error}`);
}

function printOdt(o: OdtResult): void {
  console.log(`\nodt: ${o.files} files, ${o.readable} read without error, ${o.unreadable.length} unreadable`);
  for (const u of o.unreadable) console.log(`  UNREADABLE ${u.file}: ${u.error}`);
  console.log(
    `  against meta:character-count (LibreOffice counts list labels and headers: a neighbour, not an oracle),` +
      ` ${plural(o.withStoredCount, 'file')} with a stored count:`,
  );
  console.log(`    equal:        ${o.exact}/${o.withStoredCount}`);
  console.log(`    within 2 %:   ${o.within2Percent}/${o.withStoredCount}`);
  for (const m of o.outside2Percent) {
    console.log(
      `    outside 2 %: ${m.file}: stored ${m.expected}, ours ${m.got}, difference ${signed(m.difference)}`,
    );
  }
}

function printAnonymiser(a: AnonymiserResult): void {
  console.log(`\nanonymised copies (${a.files} readable .docx and .odt):`);
  console.log(`  for a stranger, text and counts unchanged:   ${a.unchanged}/${a.files}`);
  for (const m of a.changedMisses) console.log(`    MISS ${m.file}: ${m.detail}`);
  console.log(`  for the file's own creator, name gone:       ${a.creatorGone}/${a.withCreator}`);
  for (const m of a.creatorMisses) console.log(`    MISS ${m.file}: ${m.detail}`);
}

function printTokenizer(t: TokenizerDiff): void {
  console.log(`\ntokenizer vs sax: ${t.identical}/${t.parts} parts identical (element local names and text)`);
  if (t.empty > 0) console.log(`  (${plural(t.empty, 'zero-byte part')} not compared: not XML)`);
  for (const d of t.differences) console.log(`  DIFF ${d.file} ${d.part}: ${d.detail}`);
}

async function main(): Promise<number> {
  const corpus = loadCorpus();
  if (corpus === null) {
    const message = `conformance: corpus folder ${corpusDir().shown} not found — skipped`;
    if (json) console.log(JSON.stringify({ skipped: true, message }));
    else console.log(message);
    return 0;
  }
  const started = performance.now();
  const docx = await checkDocx(corpus.docx);
  const odt = await checkOdt(corpus.odt);
  const tokenizer = await diffTokenizers([...corpus.docx, ...corpus.odt]);
  const anonymiser = await checkAnonymiser([...corpus.docx, ...corpus.odt]);
  const passed =
    docx.classes.every((c) => !c.gate || c.misses.length === 0) &&
    anonymiser.changedMisses.length === 0 &&
    anonymiser.creatorMisses.length === 0;
  const summary: Summary = { corpus: corpus.shown, docx, odt, tokenizer, anonymiser, passed };
  if (json) {
    console.log(JSON.stringify(summary, null, 2));
  } else {
    console.log(`conformance over ${corpus.shown} (${corpus.docx.length} docx, ${corpus.odt.length} odt)\n`);
    printDocx(docx);
    printOdt(odt);
    printTokenizer(tokenizer);
    printAnonymiser(anonymiser);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const gates = docx.classes
      .filter((c) => c.gate)
      .map((c) => c.name.split(' ')[0])
      .join(' and ');
    console.log(
      `\n${passed ? 'PASS' : 'FAIL'}: ${gates} rows and anonymised copies ${passed ? 'all agree' : 'have misses'} (${seconds} s)`,
    );
  }
  return passed ? 0 : 1;
}

process.exitCode = await main();
