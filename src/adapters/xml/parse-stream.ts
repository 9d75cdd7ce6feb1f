import { TextDecoder } from 'node:util';
import type { Deadline } from '../shared/deadline.js';
import { type TokenizerOptions, type XmlHandler, XmlTokenizer } from './tokenizer.js';

/**
 * Decoded strings are kept under V8's large-object size: a string of more than 64 K UTF-16 units
 * is allocated apart and collected slowly, and decoding a 300 KB part in one call cost eight
 * times as much as decoding it in 32 KB pieces (docs/benchmarks.md).
 */
const DECODE_SLICE = 32 * 1024;

/**
 * Feeds a stream of bytes (one zip entry, inflated) to the tokenizer, decoding UTF-8 (or UTF-16
 * when a byte-order mark says so) across chunk boundaries, in slices of DECODE_SLICE bytes.
 *
 * A part small enough to come whole in one slice (most parts of a .docx) is decoded with
 * Buffer#toString, without a TextDecoder: setting one up costs more than decoding a 20 KB part.
 */
export async function parseXmlStream(
  chunks: AsyncIterable<Buffer>,
  handler: XmlHandler,
  options: TokenizerOptions & { deadline?: Deadline },
): Promise<void> {
  const tokenizer = new XmlTokenizer(handler, options);
  let decoder: TextDecoder | null = null;
  let small: Buffer | null = null;
  const feed = (bytes: Buffer, streaming: TextDecoder) => {
    for (let i = 0; i < bytes.length; i += DECODE_SLICE) {
      tokenizer.write(streaming.decode(bytes.subarray(i, i + DECODE_SLICE), { stream: true }));
    }
  };
  for await (const chunk of chunks) {
    if (decoder === null) {
      if (small === null && chunk.length <= DECODE_SLICE) {
        small = chunk; // perhaps the whole part
        continue;
      }
      decoder = new TextDecoder(encodingOf(small ?? chunk), { ignoreBOM: false });
      if (small !== null) feed(small, decoder);
      small = null;
    }
    feed(chunk, decoder);
    options.deadline?.check();
  }
  if (decoder !== null) tokenizer.write(decoder.decode());
  else if (small !== null) tokenizer.write(decodeWhole(small));
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
