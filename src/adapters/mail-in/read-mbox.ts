import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { type MailLimits, mailLimits } from './limits.js';
import { type RawMessageSource, rawMessage, type SourceItem, sourceProblem } from './raw-message.js';
import { ioDetail } from './read-file-capped.js';

/**
 * Splits an mbox file into messages as it streams: only the message being read is in memory,
 * never the whole file. A message starts at a "From " line that follows a blank line (or the
 * start of the file) or that looks like an envelope line ("From sender Mon Jan  1 00:00:00 2024").
 * Body lines escaped by the writer (">From ", ">>From " …) lose one ">": mboxrd's rule, which
 * also reads mboxo files right except for the rare body line that really began with ">From ".
 */
export interface MboxOptions extends Partial<MailLimits> {
  /** mboxrd (default) unescapes ">+From "; mboxo only ">From ". */
  format?: 'mboxrd' | 'mboxo';
}

const ENVELOPE = /^From \S+ +\w{3} +\w{3} +\d{1,2} +\d{1,2}:\d{2}/;
/** A line longer than this is handed on in pieces: only its start matters to the splitter. */
const MAX_LINE_CARRY = 64 * 1024;

export async function* readMbox(path: string, options: MboxOptions = {}): AsyncGenerator<SourceItem> {
  try {
    const stats = await stat(path);
    if (!stats.isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOTFILE' });
  } catch (e) {
    yield sourceProblem({ kind: 'mbox', location: path }, 'MAILBOX_UNREADABLE', {
      path,
      detail: ioDetail(e),
    });
    return;
  }
  const stream = createReadStream(path, { highWaterMark: 64 * 1024 });
  try {
    yield* splitMbox(stream, path, options);
  } catch (e) {
    yield sourceProblem({ kind: 'mbox', location: path }, 'MAILBOX_UNREADABLE', {
      path,
      detail: ioDetail(e),
    });
  } finally {
    stream.destroy();
  }
}

interface Current {
  index: number;
  offset: number;
  parts: Buffer[];
  size: number;
  oversize: boolean;
  /** A blank line held back: it belongs to the separator if a "From " line follows. */
  heldBlank: Buffer | null;
}

/** The splitter itself, over any stream of chunks (a file, a test's buffers). */
export async function* splitMbox(
  chunks: AsyncIterable<Buffer | string>,
  location: string,
  options: MboxOptions = {},
): AsyncGenerator<SourceItem> {
  const splitter = new MboxSplitter(location, options);
  let carry: Buffer = Buffer.alloc(0);
  let carryAt = 0; // file offset of carry[0]
  for await (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;
    const data = carry.length ? Buffer.concat([carry, bytes]) : bytes;
    let start = 0;
    for (let nl = data.indexOf(0x0a); nl !== -1; nl = data.indexOf(0x0a, start)) {
      splitter.line(data.subarray(start, nl + 1), carryAt + start, true);
      start = nl + 1;
      yield* splitter.drain();
      if (splitter.halted) return;
    }
    const rest = data.subarray(start);
    if (rest.length > MAX_LINE_CARRY) {
      // A very long line: its start decides what it is; the rest follows as it comes.
      splitter.line(Buffer.from(rest), carryAt + start, false);
      carry = Buffer.alloc(0);
    } else {
      carry = Buffer.from(rest);
    }
    carryAt += data.length - carry.length;
    yield* splitter.drain();
    if (splitter.halted) return;
  }
  if (carry.length) splitter.line(carry, carryAt, true);
  splitter.end();
  yield* splitter.drain();
}

class MboxSplitter {
  private readonly limits: MailLimits;
  private readonly unescape: RegExp;
  private readonly out: SourceItem[] = [];
  private current: Current | null = null;
  private count = 0;
  private prevBlank = true;
  /** What to do with the bytes that continue a long line handed on in pieces. */
  private continuation: 'none' | 'append' | 'drop' = 'none';
  halted = false;

  constructor(
    private readonly location: string,
    options: MboxOptions,
  ) {
    this.limits = mailLimits(options);
    this.unescape = options.format === 'mboxo' ? /^>From / : /^>+From /;
  }

  *drain(): Generator<SourceItem> {
    while (this.out.length) yield this.out.shift() as SourceItem;
  }

  /** One line with its line end, or (complete = false) a piece of a line that goes on. */
  line(bytes: Buffer, at: number, complete: boolean): void {
    if (this.halted) return;
    if (this.continuation !== 'none') {
      if (this.continuation === 'append' && this.current) this.append(this.current, bytes);
      if (complete) this.continuation = 'none';
      return;
    }
    if (!complete) this.continuation = 'append';
    const blank = complete && (bytes.length === 1 || (bytes.length === 2 && bytes[0] === 0x0d));
    // Only lines starting with "F" or ">" need a closer look; decoding every line would cost.
    const head = bytes[0] === 0x46 || bytes[0] === 0x3e ? bytes.subarray(0, 200).toString('latin1') : '';
    if (head.startsWith('From ') && (this.prevBlank || this.current === null || ENVELOPE.test(head))) {
      if (!complete) this.continuation = 'drop';
      this.prevBlank = false;
      this.startMessage(at);
      return;
    }
    this.prevBlank = blank;
    const current = this.current;
    if (current === null) {
      if (!blank) this.fail('not an mbox file');
      return;
    }
    if (current.heldBlank) {
      this.append(current, current.heldBlank);
      current.heldBlank = null;
    }
    if (blank) current.heldBlank = Buffer.from(bytes);
    else if (head !== '' && this.unescape.test(head)) this.append(current, bytes.subarray(1));
    else this.append(current, bytes);
  }

  end(): void {
    if (this.current) this.finish(this.current);
    this.current = null;
  }

  private startMessage(at: number): void {
    this.end();
    if (this.count >= this.limits.maxMessages) {
      this.out.push(
        sourceProblem({ kind: 'mbox', location: this.location }, 'MBOX_TOO_MANY_MESSAGES', {
          path: this.location,
          max: this.limits.maxMessages,
        }),
      );
      this.halted = true;
      return;
    }
    this.count++;
    this.current = { index: this.count, offset: at, parts: [], size: 0, oversize: false, heldBlank: null };
  }

  private append(c: Current, bytes: Buffer): void {
    c.size += bytes.length;
    if (c.oversize) return;
    if (c.size > this.limits.maxMessageBytes) {
      c.oversize = true;
      c.parts = []; // let the memory go: the message is reported, not kept
      return;
    }
    // No copy: the chunks it points into hold this message's bytes anyway, and go with it.
    c.parts.push(bytes);
  }

  private finish(c: Current): void {
    const source: RawMessageSource = {
      kind: 'mbox',
      location: `${this.location}#${c.index}`,
      index: c.index,
      offset: c.offset,
    };
    this.out.push(
      c.oversize
        ? sourceProblem(source, 'MAIL_TOO_LARGE', { size: c.size, max: this.limits.maxMessageBytes })
        : rawMessage(source, Buffer.concat(c.parts, c.size)),
    );
  }

  private fail(detail: string): void {
    this.out.push(
      sourceProblem({ kind: 'mbox', location: this.location }, 'MAILBOX_UNREADABLE', {
        path: this.location,
        detail,
      }),
    );
    this.halted = true;
  }
}
