import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { manuscriptDocxOfSize } from '../test/e2e/fixtures.js';

/**
 * Uploads under concurrency: the desk's real submission flow against a bare Fastify route that only
 * stores the same upload durably, both in a child process of the same kind (node + tsx), both on
 * 127.0.0.1, loaded by autocannon from this process.
 *
 *   node --import tsx bench/upload.ts [--connections 20] [--seconds 15] [--amount 3000] [--kib 200]
 *
 * Each submission on the desk is what a browser does after the form: POST /deposer with the file
 * (action « vérifier »: read, analysed, kept as a draft; the check page comes back with the signed
 * draft), then POST /deposer with that draft (action « envoyer »: the submission is recorded with a
 * fresh idempotency key). Autocannon runs the two as one sequence per connection; the time of a
 * submission is from the first byte of the upload to the answer of the confirmation.
 *
 * CSRF stays on: one token (and its signed cookie) is fetched with GET /deposer before the run and
 * sent with every request, as a browser that keeps one tab open would (the tokens are not single-use).
 * The desk's rate limit is raised for the bench only (ServerOptions.rateLimitPerMinute): 20 connections
 * from one address are a load test, not an attack.
 *
 * Every upload is a distinct file, as every author's is: the same .docx with a zip comment of its own
 * (16 random characters in the end-of-central-directory record; no entry changes, so the reading is
 * the same). The desk stores files by hash: the same bytes twice would be written once, while the
 * bare route writes every upload.
 *
 * Nothing is lost: after the run, every submission answered with success must be in the submissions
 * table, looked up by its idempotency key. Submissions cut short by the timer may be stored too: they
 * are neither successes nor losses.
 *
 * APPEL_BENCH_PROFILE=DIR writes a CPU profile of each server there (node --cpu-prof).
 */

interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  setupRequest?: (request: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest;
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
}
interface AutocannonOptions {
  url: string;
  connections: number;
  amount?: number;
  timeout?: number;
  requests: AutocannonRequest[];
}
interface AutocannonResult {
  requests: { total: number; average: number };
  latency: { p50: number; p99: number; average: number; max: number };
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
}
type Autocannon = (options: AutocannonOptions) => Promise<AutocannonResult> & { stop(): void };
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/**
 * Bounded both ways: autocannon stops after `amount` requests (which makes it ignore its duration),
 * and a timer stops it after `seconds` whatever is left. Requests cut short by the timer are counted
 * neither as successes nor as failures; what they may still store is counted by the table.
 */
async function load(options: AutocannonOptions, seconds: number): Promise<AutocannonResult> {
  const run = autocannon(options);
  const timer = setTimeout(() => run.stop(), seconds * 1000);
  try {
    return await run;
  } finally {
    clearTimeout(timer);
  }
}

/** The call closes on 1 September 2022: the desk's clock is set before it. */
const BEFORE_DEADLINE = '2022-08-20T10:00:00Z';

// ———————————————————————————————— the child: a server, then wait for SIGTERM

async function serveDesk(data: string): Promise<void> {
  const { openContext } = await import('../src/main/context.js');
  const { buildServer } = await import('../src/adapters/http/server.js');
  const context = await openContext({ data, env: { APPEL_DATA: data } });
  const app = await buildServer(context, {
    now: () => new Date(BEFORE_DEADLINE),
    rateLimitPerMinute: 1_000_000,
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  announce(url, async () => {
    await app.close();
    await context.close();
  });
}

/** The floor: multipart parsed with the same plugin and limits, the file written temp, fsync, rename. */
async function serveBare(data: string): Promise<void> {
  const Fastify = (await import('fastify')).default;
  const multipart = (await import('@fastify/multipart')).default;
  const { writeDurably } = await import('../src/adapters/files/durable.js');
  const dir = join(data, 'uploads');
  mkdirSync(dir, { recursive: true });
  const app = Fastify({ logger: false });
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 60, parts: 64 } });
  app.post('/upload', async (request, reply) => {
    let stored = false;
    for await (const part of request.parts()) {
      if (part.type !== 'file') continue;
      await writeDurably(dir, `${randomUUID()}.docx`, await part.toBuffer());
      stored = true;
    }
    return reply.code(stored ? 201 : 400).send(stored ? 'stored' : 'no file');
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  announce(url, () => app.close());
}

function announce(url: string, close: () => Promise<void>): void {
  process.stdout.write(`${JSON.stringify({ url })}\n`);
  process.once('SIGTERM', () => {
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

// ———————————————————————————————— the parent: start, load, count

interface Child {
  url: string;
  data: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

async function startChild(kind: 'desk' | 'bare'): Promise<Child> {
  const data = mkdtempSync(join(tmpdir(), `appel-bench-${kind}-`));
  const profile = process.env.APPEL_BENCH_PROFILE;
  const child = spawn(
    process.execPath,
    [
      ...(profile ? ['--cpu-prof', '--cpu-prof-dir', profile] : []),
      '--import',
      'tsx',
      fileURLToPath(import.meta.url),
      '--serve',
      kind,
      '--data',
      data,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const line = buffered.split('\n')[0];
      if (buffered.includes('\n') && line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once('exit', (code) => reject(new Error(`the ${kind} server exited (${code}) before listening`)));
  });
  const { hostname } = new URL(url);
  if (hostname !== '127.0.0.1') throw new Error(`refusing to load ${url}: loopback only`);
  return {
    url,
    data,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function multipartBody(
  fields: [string, string][],
  file: { field: string; name: string; bytes: Buffer } | null,
): { body: Buffer; contentType: string } {
  const boundary = `----appelbench${randomBytes(12).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of fields) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
        'utf8',
      ),
    );
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\n` +
          'Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document\r\n\r\n',
        'utf8',
      ),
      file.bytes,
      Buffer.from('\r\n', 'utf8'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** One CSRF token and the signed cookie it goes with, as the form page hands them out. */
async function csrfPair(url: string): Promise<{ token: string; cookie: string }> {
  const response = await fetch(`${url}/deposer`);
  const html = await response.text();
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  if (!token || !cookie) throw new Error(`GET /deposer gave no CSRF token (status ${response.status})`);
  return { token, cookie };
}

/** The author's fields, as the form names them. */
function authorFields(csrf: string, key: string): [string, string][] {
  return [
    ['_csrf', csrf],
    ['cle', key],
    ['a0-prenom', 'Camille'],
    ['a0-nom', 'Martin'],
    ['a0-courriel', 'camille.martin@example.org'],
    ['contact', '0'],
    ['telephone', '01 45 67 89 10'],
    ['adresse', '12 rue de la Paix, 75002 Paris'],
    ['axe', ''],
    ['titre', 'Le travail social à l’épreuve des écrans'],
    ['accord_mise_en_ligne', 'oui'],
    ['accord_gracieux', 'oui'],
  ];
}

export interface UploadBenchOptions {
  connections: number;
  seconds: number;
  /** Submissions at most (each is two requests on the desk, one on the bare route). */
  amount: number;
  kib: number;
}

interface Figures {
  label: string;
  perSecond: number;
  p50: number;
  p99: number;
  ok: number;
  failed: number;
  stored: number;
  /** Answered with success but not in the table (the desk only; the bare route has no table). */
  lost: number;
  statuses: string;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function statuses(result: AutocannonResult): string {
  return Object.entries(result.statusCodeStats)
    .map(([code, s]) => `${code}×${s.count}`)
    .join(' ');
}

async function loadBare(docx: Buffer, o: UploadBenchOptions): Promise<Figures> {
  const bare = await startChild('bare');
  try {
    const times: number[] = [];
    let unexpected = 0;
    const result = await load(
      {
        url: bare.url,
        connections: o.connections,
        amount: roundUp(o.amount, o.connections),
        timeout: 30,
        requests: [
          {
            method: 'POST',
            path: '/upload',
            setupRequest: (request, context) => {
              const { body, contentType } = multipartBody([['cle', randomToken()]], {
                field: 'fichier',
                name: 'manuscrit.docx',
                bytes: distinctDocx(docx),
              });
              context.started = performance.now();
              return { ...request, headers: { 'content-type': contentType }, body };
            },
            onResponse: (status, _body, context) => {
              if (status === 201) times.push(performance.now() - (context.started as number));
              else unexpected++;
            },
          },
        ],
      },
      o.seconds,
    );
    const ok = times.length;
    await bare.stop();
    const stored = readdirSync(join(bare.data, 'uploads')).filter((n) => n.endsWith('.docx')).length;
    times.sort((a, b) => a - b);
    return {
      label: 'bare Fastify route (multipart, temp + fsync + rename)',
      perSecond: ok / result.duration,
      p50: percentile(times, 50),
      p99: percentile(times, 99),
      ok,
      failed: unexpected + result.errors,
      stored,
      lost: Math.max(0, ok - stored),
      statuses: statuses(result),
    };
  } finally {
    await bare.stop();
    rmSync(bare.data, { recursive: true, force: true });
  }
}

const randomToken = () => randomBytes(32).toString('base64url');

/** The same .docx made a distinct file: a zip comment of 16 random characters (see the header). */
function distinctDocx(docx: Buffer): Buffer {
  const comment = Buffer.from(randomBytes(8).toString('hex'), 'latin1');
  const length = Buffer.alloc(2);
  length.writeUInt16LE(comment.length);
  return Buffer.concat([docx.subarray(0, docx.length - 2), length, comment]);
}

/** Fails early if the fixture's zip already ends with a comment (distinctDocx assumes it does not). */
function assertNoZipComment(docx: Buffer): void {
  const eocd = docx.length - 22;
  if (docx.readUInt32LE(eocd) !== 0x06054b50 || docx.readUInt16LE(docx.length - 2) !== 0) {
    throw new Error('the bench .docx must end with an end-of-central-directory record without comment');
  }
}
const roundUp = (n: number, step: number) => Math.max(step, Math.ceil(n / step) * step);

async function loadDesk(docx: Buffer, o: UploadBenchOptions): Promise<Figures> {
  const desk = await startChild('desk');
  try {
    const { token, cookie } = await csrfPair(desk.url);
    const times: number[] = [];
    const confirmedKeys: string[] = [];
    let unexpected = 0;
    const result = await load(
      {
        url: desk.url,
        connections: o.connections,
        // Two requests per submission, and whole sequences on every connection.
        amount: roundUp(o.amount * 2, o.connections * 2),
        timeout: 30,
        requests: [
          {
            method: 'POST',
            path: '/deposer',
            setupRequest: (request, context) => {
              const key = randomToken();
              context.key = key;
              context.started = performance.now();
              const { body, contentType } = multipartBody(
                [...authorFields(token, key), ['action', 'verifier']],
                {
                  field: 'fichier',
                  name: 'manuscrit.docx',
                  bytes: distinctDocx(docx),
                },
              );
              return { ...request, headers: { 'content-type': contentType, cookie }, body };
            },
            onResponse: (status, body, context) => {
              context.draft = /name="brouillon" value="([^"]*)"/.exec(body)?.[1] ?? '';
              if (status !== 200 || context.draft === '') unexpected++;
            },
          },
          {
            method: 'POST',
            path: '/deposer',
            setupRequest: (request, context) => {
              const fields = authorFields(token, context.key as string);
              fields.push(['brouillon', decodeEntities(context.draft as string)], ['action', 'envoyer']);
              const { body, contentType } = multipartBody(fields, null);
              return { ...request, headers: { 'content-type': contentType, cookie }, body };
            },
            onResponse: (status, _body, context) => {
              if (status === 303 || (status >= 200 && status < 300)) {
                times.push(performance.now() - (context.started as number));
                confirmedKeys.push(context.key as string);
              } else unexpected++;
            },
          },
        ],
      },
      o.seconds,
    );
    const confirmed = times.length;
    await desk.stop();
    const db = new Database(join(desk.data, 'appel.sqlite'), { readonly: true, fileMustExist: true });
    const stored = (db.prepare('SELECT count(*) AS n FROM submissions').get() as { n: number }).n;
    const recorded = new Set(
      (db.prepare('SELECT idempotency_key AS k FROM submissions').all() as { k: string }[]).map((r) => r.k),
    );
    db.close();
    const lost = confirmedKeys.filter((key) => !recorded.has(`web:${key}`)).length;
    times.sort((a, b) => a - b);
    return {
      label: 'desk: POST /deposer (check) + POST /deposer (send)',
      perSecond: confirmed / result.duration,
      p50: percentile(times, 50),
      p99: percentile(times, 99),
      ok: confirmed,
      failed: unexpected + result.errors,
      stored,
      lost,
      statuses: statuses(result),
    };
  } finally {
    await desk.stop();
    rmSync(desk.data, { recursive: true, force: true });
  }
}

function decodeEntities(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export interface UploadBenchResult {
  /** null when the desk could not be measured (the figures say why). */
  desk: Figures | null;
  bare: Figures;
  ratio: number;
  lost: number;
}

/** Runs both loads one after the other (bare first) and prints the figures and the ratio. */
export async function benchUpload(o: UploadBenchOptions): Promise<UploadBenchResult> {
  const docx = await manuscriptDocxOfSize(o.kib * 1024);
  assertNoZipComment(docx);
  console.log(
    `\n(d) uploads under load: a ${(docx.length / 1024).toFixed(0)} KB .docx, ${o.connections} connections, at most ${o.amount} submissions or ${o.seconds} s each, 127.0.0.1, servers in child processes`,
  );
  const ms = (n: number) => (Number.isNaN(n) ? '—' : `${n.toFixed(1)} ms`);
  const print = (f: Figures) =>
    console.log(
      `  ${f.label.padEnd(56)} ${f.perSecond.toFixed(1).padStart(7)} /s  p50 ${ms(f.p50).padStart(9)}  p99 ${ms(f.p99).padStart(9)}  ok ${f.ok}, failed ${f.failed}, stored ${f.stored}  [${f.statuses}]`,
    );
  const bare = await loadBare(docx, o);
  print(bare);
  let desk: Figures;
  try {
    desk = await loadDesk(docx, o);
  } catch (e) {
    console.log(`  desk: not measured — ${(e as Error).message}`);
    return { desk: null, bare, ratio: Number.NaN, lost: Number.NaN };
  }
  print(desk);
  const lost = desk.lost;
  const ratio = desk.perSecond / bare.perSecond;
  console.log(
    `  lost: ${lost} (submissions answered with success ${desk.ok}, found by their key in the submissions table; ${desk.stored} rows in all)${lost === 0 ? '' : '  MISS'}`,
  );
  console.log(
    `  desk / bare submissions per second: ${ratio.toFixed(2)}  target ≥ 0.5: ${ratio >= 0.5 ? 'PASS' : 'MISS'}`,
  );
  return { desk, bare, ratio, lost };
}

const isMain = process.argv[1] === fileURLToPath(import.meta.url);
if (isMain) {
  const { values } = parseArgs({
    options: {
      serve: { type: 'string' },
      data: { type: 'string' },
      connections: { type: 'string', default: '20' },
      seconds: { type: 'string', default: '15' },
      amount: { type: 'string', default: '3000' },
      kib: { type: 'string', default: '200' },
    },
  });
  if (values.serve === 'desk') await serveDesk(values.data as string);
  else if (values.serve === 'bare') await serveBare(values.data as string);
  else {
    const result = await benchUpload({
      connections: Number(values.connections),
      seconds: Number(values.seconds),
      amount: Number(values.amount),
      kib: Number(values.kib),
    });
    process.exitCode = result.desk !== null && result.lost === 0 ? 0 : 1;
  }
}
