import { readFileSync } from 'node:fs';
import { TextDecoder } from 'node:util';
import sax from 'sax';
import { parseXmlStream } from '../src/adapters/xml/parse-stream.js';
import type { CorpusRow } from './corpus.js';
import { inflatePart, isXmlPart, storedParts } from './zip-parts.js';

/**
 * Differential test of our XML tokenizer against sax: over every XML part of every corpus file,
 * the sequence of element local names (opens and closes) and the concatenated text must be the
 * same. Our tokenizer is fed in small odd-sized chunks so that chunk boundaries fall everywhere.
 */

export interface TokenizerDiff {
  parts: number;
  identical: number;
  /** Zero-byte parts (LibreOffice's Configurations2/…/current.xml): not XML, so not compared. */
  empty: number;
  differences: { file: string; part: string; detail: string }[];
}

interface Trace {
  names: string[];
  text: string;
  error: string | null;
}

const CHUNK = 997;
const MAX_DEPTH = 1000;

export async function diffTokenizers(rows: CorpusRow[]): Promise<TokenizerDiff> {
  const result: TokenizerDiff = { parts: 0, identical: 0, empty: 0, differences: [] };
  for (const row of rows) {
    let parts: Awaited<ReturnType<typeof storedParts>>;
    try {
      parts = await storedParts(readFileSync(row.path), isXmlPart);
    } catch (e) {
      result.differences.push({ file: row.file, part: '(zip)', detail: `not a readable zip: ${message(e)}` });
      continue;
    }
    for (const part of parts) {
      const bytes = inflatePart(part);
      if (bytes.length === 0) {
        result.empty++;
        continue;
      }
      result.parts++;
      const detail = compare(await ourTrace(bytes, part.name), saxTrace(bytes));
      if (detail === null) result.identical++;
      else result.differences.push({ file: row.file, part: part.name, detail });
    }
  }
  return result;
}

async function ourTrace(bytes: Buffer, part: string): Promise<Trace> {
  const trace: Trace = { names: [], text: '', error: null };
  const texts: string[] = [];
  const handler = {
    open: (name: string) => {
      trace.names.push(`+${localName(name)}`);
    },
    close: (name: string) => trace.names.push(`-${localName(name)}`),
    text: (text: string) => texts.push(text),
  };
  try {
    await parseXmlStream(chunked(bytes), handler, { part, maxDepth: MAX_DEPTH });
  } catch (e) {
    trace.error = message(e);
  }
  trace.text = texts.join('');
  return trace;
}

function saxTrace(bytes: Buffer): Trace {
  const trace: Trace = { names: [], text: '', error: null };
  const texts: string[] = [];
  const parser = sax.parser(true, { xmlns: false, trim: false, normalize: false });
  let depth = 0;
  parser.onopentag = (tag) => {
    depth++;
    trace.names.push(`+${localName(tag.name)}`);
  };
  parser.onclosetag = (name) => {
    depth--;
    trace.names.push(`-${localName(name)}`);
  };
  parser.ontext = (text) => {
    if (depth > 0) texts.push(text);
  };
  parser.oncdata = (text) => texts.push(text);
  try {
    parser.write(decode(bytes)).close();
  } catch (e) {
    trace.error = message(e);
  }
  trace.text = texts.join('');
  return trace;
}

function compare(ours: Trace, theirs: Trace): string | null {
  if (ours.error !== null || theirs.error !== null) {
    if (ours.error !== null && theirs.error !== null) return null;
    return `ours: ${ours.error ?? 'ok'}; sax: ${theirs.error ?? 'ok'}`;
  }
  const nameAt = firstDifference(ours.names, theirs.names);
  if (nameAt >= 0) {
    const show = (names: string[]) => names.slice(Math.max(0, nameAt - 2), nameAt + 3).join(' ');
    return `elements differ at #${nameAt}: ours [${show(ours.names)}] vs sax [${show(theirs.names)}]`;
  }
  if (ours.text !== theirs.text) {
    const at = firstDifference([...ours.text], [...theirs.text]);
    const show = (s: string) => JSON.stringify([...s].slice(Math.max(0, at - 20), at + 20).join(''));
    return `text differs at char ${at}: ours ${show(ours.text)} vs sax ${show(theirs.text)}`;
  }
  return null;
}

function firstDifference(a: string[], b: string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

function decode(bytes: Buffer): string {
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : '';
  return new TextDecoder(utf16 || 'utf-8').decode(bytes);
}

async function* chunked(bytes: Buffer): AsyncGenerator<Buffer> {
  for (let at = 0; at < bytes.length; at += CHUNK) yield bytes.subarray(at, at + CHUNK);
}

function message(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return (text.split('\n')[0] ?? '').slice(0, 200);
}
