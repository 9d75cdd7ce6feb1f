import { TextDecoder } from 'node:util';
import type { Deadline } from '../shared/deadline.js';
import { type TokenizerOptions, type XmlHandler, XmlTokenizer } from './tokenizer.js';

/**
 * Feeds a stream of bytes (one zip entry, inflated) to the tokenizer, decoding UTF-8 (or UTF-16
 * when a byte-order mark says so) across chunk boundaries. Holds one chunk at a time.
 */
export async function parseXmlStream(
  chunks: AsyncIterable<Buffer>,
  handler: XmlHandler,
  options: TokenizerOptions & { deadline?: Deadline },
): Promise<void> {
  const tokenizer = new XmlTokenizer(handler, options);
  let decoder: TextDecoder | null = null;
  for await (const chunk of chunks) {
    if (decoder === null) decoder = new TextDecoder(encodingOf(chunk), { ignoreBOM: false });
    tokenizer.write(decoder.decode(chunk, { stream: true }));
    options.deadline?.check();
  }
  if (decoder !== null) tokenizer.write(decoder.decode());
  tokenizer.end();
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
