import { createHash } from 'node:crypto';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PostalMime from 'postal-mime';
import { readMbox } from '../src/adapters/mail-in/read-mbox.js';
import { readPaths } from '../src/adapters/mail-in/read-paths.js';
import { importMailbox } from '../src/app/import-mailbox.js';
import type { ImportSummary } from '../src/app/import-summary.js';
import { openContext } from '../src/main/context.js';
import { DEFAULT_OUT_DIR, makeLargeDocx } from './make-large-docx.js';

/**
 * (e) The e-mail intake: an mbox of `count` messages, each with a .docx of about 50 KB (the bench's
 * own generated prose, a different text and length for each), imported into a fresh data folder
 * by the real use case on the embedded default (openContext: SQLite, the file store, letters
 * queued), next to the bare cost of parsing the same messages with postal-mime alone.
 *
 * Generated once and kept in bench/out/import-<count>.mbox (deterministic: fixed dates,
 * Message-IDs, MIME boundaries, zip timestamps; a manifest says what generated it).
 * Run alone: node --import tsx bench/import.ts [count]
 */

const GENERATOR = 'bench/import.ts v1';

export interface ImportBench {
  count: number;
  mboxBytes: number;
  docxBytes: { min: number; median: number; max: number };
  splitMs: number;
  parseMs: number;
  importMs: number;
  /** CPU time (user + system) of this process: on a shared machine, steadier than the clock. */
  parseCpuMs: number;
  importCpuMs: number;
  summary: ImportSummary;
}

const GIVEN = ['Anne', 'Bruno', 'Chloé', 'Didier', 'Élodie', 'François', 'Gisèle', 'Hervé', 'Inès', 'Julien'];
const SURNAME = ['Arnaud', 'Benoît', 'Collin', 'Dufour', 'Étienne', 'Faure', 'Guérin', 'Hubert', 'Imbert'];
const CITIES = ['69003 Lyon', '35000 Rennes', '31000 Toulouse', '59000 Lille', '34000 Montpellier'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const hex = (s: string, n: number) => createHash('sha256').update(s).digest('hex').slice(0, n);

/** Quoted-printable for the French text part (lines under 76 characters, soft breaks). */
function quotedPrintable(text: string): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    let encoded = '';
    for (const byte of Buffer.from(line, 'utf8')) {
      encoded +=
        (byte >= 33 && byte <= 126 && byte !== 61) || byte === 32
          ? String.fromCharCode(byte)
          : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
    if (encoded.endsWith(' ')) encoded = `${encoded.slice(0, -1)}=20`;
    while (encoded.length > 75) {
      let cut = 75;
      while (encoded[cut - 1] === '=' || encoded[cut - 2] === '=') cut--;
      out.push(`${encoded.slice(0, cut)}=`);
      encoded = encoded.slice(cut);
    }
    out.push(encoded);
  }
  return out.join('\r\n');
}

const base64Lines = (bytes: Buffer) => bytes.toString('base64').replace(/.{76}/g, '$&\r\n');
const encodedWord = (s: string) => `=?UTF-8?B?${Buffer.from(s).toString('base64')}?=`;

/**
 * Message i: a person writing to the call, their signature with phone and address, one .docx.
 * Every tenth message answers the one before it (same sender, In-Reply-To): a new version.
 */
function message(i: number, docx: Buffer): Buffer {
  const reply = i % 10 === 9;
  const who = reply ? i - 1 : i;
  const given = GIVEN[who % GIVEN.length] as string;
  const surname = SURNAME[Math.floor(who / GIVEN.length) % SURNAME.length] as string;
  const address = `auteur.${who}@exemple.fr`;
  const id = (n: number) => `<bench.${n}.${hex(`bench-${n}`, 12)}@exemple.fr>`;
  const arrival = new Date(Date.UTC(2022, 6, 1) + i * 1_800_000); // every half hour from 1 July 2022
  const boundary = `----=_Part_${hex(`boundary-${i}`, 24)}`;
  const subject = reply ? `Re: Proposition d’article n° ${who}` : `Proposition d’article n° ${who}`;
  const text = [
    'Bonjour,',
    '',
    reply
      ? 'Voici une version revue de mon article, qui tient compte de vos remarques.'
      : 'Veuillez trouver ci-joint ma proposition d’article pour le numéro 81 du Sociographe.',
    '',
    'Bien cordialement,',
    '',
    '-- ',
    `${given} ${surname}`,
    'Éducateur spécialisé',
    `${1 + (who % 40)} rue des Écoles`,
    CITIES[who % CITIES.length] as string,
    `Tél. : 04 65 71 ${String(10 + (who % 90)).padStart(2, '0')} ${String(10 + (who % 89)).padStart(2, '0')}`,
    '',
  ].join('\n');
  const headers = [
    `Received: from smtp.exemple.fr (smtp.exemple.fr [192.0.2.25]) by mx.journal.example with ESMTPS id ${hex(`id-${i}`, 10)}; ${arrival.toUTCString().replace('GMT', '+0000')}`,
    `From: ${encodedWord(`${given} ${surname}`)} <${address}>`,
    'To: Sociographe <appel@journal.example>',
    `Subject: ${encodedWord(subject)}`,
    `Date: ${new Date(arrival.getTime() - 4000).toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: ${id(i)}`,
    ...(reply ? [`In-Reply-To: ${id(who)}`, `References: ${id(who)}`] : []),
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
  ];
  const body = [
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    quotedPrintable(text),
    `--${boundary}`,
    `Content-Type: ${DOCX}; name="article-${i}.docx"`,
    'Content-Transfer-Encoding: base64',
    `Content-Disposition: attachment; filename="article-${i}.docx"`,
    '',
    base64Lines(docx),
    `--${boundary}--`,
    '',
  ];
  return Buffer.from(`${headers.join('\r\n')}\r\n\r\n${body.join('\r\n')}`, 'utf8');
}

/** The mbox (and its manifest) in bench/out/, generated when missing or made by another generator. */
async function ensureMbox(count: number): Promise<{ path: string; docxBytes: number[] }> {
  mkdirSync(DEFAULT_OUT_DIR, { recursive: true });
  const path = join(DEFAULT_OUT_DIR, `import-${count}.mbox`);
  const manifestPath = `${path}.json`;
  if (existsSync(path) && existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
      generator: string;
      docxBytes: number[];
    };
    if (manifest.generator === GENERATOR && manifest.docxBytes.length === count) {
      return { path, docxBytes: manifest.docxBytes };
    }
  }
  console.log(`  generating ${path.replace(/.*\/bench\//, 'bench/')} (${count} messages, once)…`);
  const scratch = join(DEFAULT_OUT_DIR, 'import-docx.tmp');
  const out = createWriteStream(`${path}.tmp`);
  const docxBytes: number[] = [];
  for (let i = 0; i < count; i++) {
    // 0.22–0.28 MiB of document.xml: files of about 40 to 55 KB, each text its own.
    const mib = 0.22 + ((i * 7919) % 61) / 1000;
    await makeLargeDocx(mib, scratch, 1000 + i);
    const docx = readFileSync(scratch);
    docxBytes.push(docx.length);
    const raw = message(i, docx).toString('latin1').replace(/\r\n/g, '\n');
    const escaped = raw.replace(/^(>*From )/gm, '>$1');
    const envelope = `From auteur.${i}@exemple.fr Fri Jul  1 00:00:00 2022\n`;
    if (!out.write(Buffer.from(`${envelope}${escaped}\n`, 'latin1'))) {
      await new Promise<void>((resume) => out.once('drain', () => resume()));
    }
  }
  await new Promise<void>((done, fail) => out.end((e?: Error | null) => (e ? fail(e) : done())));
  rmSync(scratch, { force: true });
  rmSync(path, { force: true });
  writeFileSync(manifestPath, JSON.stringify({ generator: GENERATOR, docxBytes }));
  renameSync(`${path}.tmp`, path);
  return { path, docxBytes };
}

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

export async function benchImport(count = 2000): Promise<ImportBench> {
  const { path, docxBytes } = await ensureMbox(count);
  const mboxBytes = readFileSync(path).length;

  // The messages as the importer sees them: split by our mbox reader (timed on its own).
  let started = performance.now();
  const raws: Buffer[] = [];
  for await (const item of readMbox(path)) if (item.type === 'message') raws.push(item.message.bytes);
  const splitMs = performance.now() - started;
  if (raws.length !== count) throw new Error(`mbox split into ${raws.length} messages, ${count} expected`);

  // The bare cost of the mail library: postal-mime over every message (a warm-up pass first).
  for (const raw of raws.slice(0, 50)) await PostalMime.parse(raw);
  started = performance.now();
  let cpu = process.cpuUsage();
  for (const raw of raws) await PostalMime.parse(raw);
  const parseMs = performance.now() - started;
  const parseCpuMs = cpuMs(process.cpuUsage(cpu));
  raws.length = 0;

  // The real use case into a fresh data folder: store raw bytes and files (fsynced), parse, judge
  // the manuscript, extract contacts, commit submission + ledger + receipt in one transaction.
  const data = await mkdtemp(join(tmpdir(), 'appel-bench-import-'));
  try {
    const context = await openContext({ data, env: {} });
    try {
      started = performance.now();
      cpu = process.cpuUsage();
      const summary = await importMailbox(readPaths([path]), context.intake);
      const importMs = performance.now() - started;
      const importCpuMs = cpuMs(process.cpuUsage(cpu));
      const sorted = [...docxBytes].sort((a, b) => a - b);
      return {
        count,
        mboxBytes,
        docxBytes: {
          min: sorted[0] ?? 0,
          median: sorted[Math.floor(sorted.length / 2)] ?? 0,
          max: sorted[sorted.length - 1] ?? 0,
        },
        splitMs,
        parseMs,
        importMs,
        parseCpuMs,
        importCpuMs,
        summary,
      };
    } finally {
      await context.close();
    }
  } finally {
    await rm(data, { recursive: true, force: true });
  }
}

export function printImportBench(b: ImportBench): void {
  const perSecond = (ms: number) => (b.count / (ms / 1000)).toFixed(1);
  const perMessage = (ms: number) => (ms / b.count).toFixed(2);
  const kb = (n: number) => `${(n / 1000).toFixed(0)} KB`;
  console.log(
    `\n(e) e-mail intake: bench/out/import-${b.count}.mbox, ${b.count} messages, ${(b.mboxBytes / 1e6).toFixed(1)} MB; one .docx each (${kb(b.docxBytes.min)}–${kb(b.docxBytes.max)}, median ${kb(b.docxBytes.median)}); one run`,
  );
  console.log(
    `  ${'step'.padEnd(58)} ${'total ms'.padStart(9)} ${'msg/s'.padStart(8)} ${'ms/msg'.padStart(7)} ${'CPU ms/msg'.padStart(11)}`,
  );
  const row = (label: string, ms: number, cpu?: number) =>
    console.log(
      `  ${label.padEnd(58)} ${ms.toFixed(0).padStart(9)} ${perSecond(ms).padStart(8)} ${perMessage(ms).padStart(7)} ${(cpu === undefined ? '' : perMessage(cpu)).padStart(11)}`,
    );
  row('split the mbox (readMbox, ours)', b.splitMs);
  row('parse with postal-mime alone (bare cost)', b.parseMs, b.parseCpuMs);
  row('import: appel mail import (SQLite, files, judge, commit)', b.importMs, b.importCpuMs);
  const s = b.summary;
  console.log(
    `  import summary: ${s.messages} messages, ${s.submissions} submissions, ${s.versions} versions, ${s.duplicates} duplicates, ${s.ignored} ignored, ${s.errors} errors`,
  );
  console.log(
    `  import / bare postal-mime parse: ${(b.importMs / b.parseMs).toFixed(1)}× the time (${perSecond(b.importMs)} vs ${perSecond(b.parseMs)} messages per second), ${(b.importCpuMs / b.parseCpuMs).toFixed(1)}× the CPU time (all of the process’s threads)`,
  );
}

if (process.argv[1]?.endsWith('bench/import.ts')) {
  const count = Number(process.argv[2] ?? 2000);
  printImportBench(await benchImport(count));
}
