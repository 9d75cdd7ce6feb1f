import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import mammoth from 'mammoth';
import { analyseManuscript } from './reader.js';
import type { Tool } from './timing.js';
import { drainWithYauzl, inflatePart, type StoredPart, storedParts } from './zip-parts.js';

/**
 * The tools the bench sets side by side, each run on a .docx held in memory (pandoc reads the
 * file itself, in a child process, as anyone would run it).
 */

export interface BenchFile {
  name: string;
  path: string;
  bytes: Buffer;
  /** Uncompressed size of the main document part (word/document.xml). */
  documentXmlBytes: number;
  /** The XML parts our reader reads, as stored (for the bare-inflate floor). */
  readerParts: StoredPart[];
}

/**
 * The parts our docx reader reads: every .rels (relationships, external links), [Content_Types],
 * the main part, styles, footnotes, endnotes, settings, comments, docProps/app.xml and core.xml.
 * Headers, footers, numbering, theme, fonts and media are not read, so they are not inflated.
 */
export function isReaderPart(name: string, mainPart: string): boolean {
  const lower = name.toLowerCase();
  if (lower.endsWith('.rels') || lower === '[content_types].xml' || lower === mainPart.toLowerCase())
    return true;
  return /^(word\/(styles|footnotes|endnotes|settings|comments)\.xml|docprops\/(app|core)\.xml)$/.test(lower);
}

function mainPartOf(rels: Buffer | undefined): string {
  const match = rels?.toString('utf8').match(/Type="[^"]*\/officeDocument"[^>]*Target="\/?([^"]+)"/);
  const reverse = rels?.toString('utf8').match(/Target="\/?([^"]+)"[^>]*Type="[^"]*\/officeDocument"/);
  return match?.[1] ?? reverse?.[1] ?? 'word/document.xml';
}

export async function loadBenchFile(path: string, name = basename(path)): Promise<BenchFile> {
  const bytes = readFileSync(path);
  const all = await storedParts(bytes, () => true);
  const rels = all.find((p) => p.name === '_rels/.rels');
  const mainPart = mainPartOf(rels ? inflatePart(rels) : undefined);
  const main = all.find((p) => p.name.toLowerCase() === mainPart.toLowerCase());
  return {
    name,
    path,
    bytes,
    documentXmlBytes: main?.uncompressedSize ?? 0,
    readerParts: all.filter((p) => isReaderPart(p.name, mainPart)),
  };
}

export const OURS = 'appel (analyseManuscript)';
export const MAMMOTH = 'mammoth.extractRawText';
export const PANDOC = 'pandoc -f docx -t plain';
export const INFLATE_STREAM = 'bare inflate (yauzl streams drained)';
export const INFLATE_SYNC = 'bare inflate (zlib.inflateRawSync)';

export const ours: Tool<BenchFile> = {
  name: OURS,
  run: async (f) => {
    const analysis = await analyseManuscript({ bytes: f.bytes, name: f.name });
    if (analysis.error) throw new Error(analysis.error.code);
  },
};

export const mammothTool: Tool<BenchFile> = {
  name: MAMMOTH,
  run: (f) => mammoth.extractRawText({ buffer: f.bytes }),
};

export const inflateStream: Tool<BenchFile> = {
  name: INFLATE_STREAM,
  run: (f) => {
    const wanted = new Set(f.readerParts.map((p) => p.name));
    return drainWithYauzl(f.bytes, (name) => wanted.has(name));
  },
};

export const inflateSync: Tool<BenchFile> = {
  name: INFLATE_SYNC,
  run: async (f) => {
    for (const part of f.readerParts) inflatePart(part);
  },
};

export function pandocVersion(): string | null {
  const result = spawnSync('pandoc', ['--version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return null;
  return result.stdout.split('\n')[0]?.trim() ?? 'pandoc';
}

export function pandocTool(accepts?: (f: BenchFile, index: number) => boolean): Tool<BenchFile> {
  return {
    name: PANDOC,
    ...(accepts ? { accepts } : {}),
    run: (f) =>
      new Promise<void>((resolve, reject) => {
        const child = spawn('pandoc', ['-f', 'docx', '-t', 'plain', '-o', '/dev/null', f.path], {
          stdio: ['ignore', 'ignore', 'ignore'],
        });
        child.on('error', reject);
        child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`pandoc exited ${code}`))));
      }),
  };
}
