import { TextDecoder } from 'node:util';
import type { Deadline } from '../shared/deadline.js';
import { type TokenizerOptions, type XmlHandler, XmlTokenizer } from './tokenizer.js';

/**
 * Feeds a stream of bytes (one zip entry, inflated) to the tokenizer, decoding UTF-8 (or UTF-16
 * when a byte-order mark says so) across chunk boundaries. Holds one chunk at a time.
 *
 * A part that comes in one chunk (every small part: see zip-archive.ts) is decoded whole with
 * Buffer#toString, without a TextDecoder: setting one up costs more than decoding a 40 KB part,
 * and a .docx has a dozen parts. Streams of several chunks keep TextDecoder, the faster of the
 * two on long runs (docs/benchmarks.md).
 */
export async function parseXmlStream(
  chunks: AsyncIterable<Buffer>,
  handler: XmlHandler,
  options: TokenizerOptions & { deadline?: Deadline },
): Promise<void> {
  const tokenizer = new XmlTokenizer(handler, options);
  let decoder: TextDecoder | null = null;
  let first: Buffer | null = null;
  for await (const chunk of chunks) {
    if (decoder === null && first === null) {
      first = chunk;
      continue;
    }
    if (decoder === null) {
      decoder = new TextDecoder(encodingOf(first as Buffer), { ignoreBOM: false });
      tokenizer.write(decoder.decode(first as Buffer, { stream: true }));
      first = null;
    }
    tokenizer.write(decoder.decode(chunk, { stream: true }));
    options.deadline?.check();
  }
  if (decoder !== null) tokenizer.write(decoder.decode());
  else if (first !== null) tokenizer.write(decodeWhole(first));
  tokenizer.end();
}

/** One whole part: UTF-8 without its byte-order mark, or UTF-16 as its mark says. */
function decodeWhole(bytes: Buffer): string {
  const encoding = encodingOf(bytes);
  if (encoding !== 'utf-8') return new TextDecoder(encoding, { ignoreBOM: false }).decode(bytes);
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function parseXmlString(text: string, handler: XmlHandler, options: TokenizerOptions): void {
  const tokenizer = new XmlTokenizer(handler, options);
  tokenizer.write(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  tokenizer.end();
}

function encodingOf(first: Buffer): string {
  if (first[0] === 0xff && first[1] === 0xfe) return 'utf-16le';
  if (first[0] === 0xfe && first[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}
