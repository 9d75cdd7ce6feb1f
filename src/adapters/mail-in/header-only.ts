/**
 * When a message cannot be parsed whole (headers too large, nesting too deep, too large at all),
 * the fields an answer needs are still worth having: who sent it, its subject and dates, and the
 * headers that say whether it may be answered. This keeps those top-level fields — the first of
 * each, none longer than 16 KiB — and drops the rest, so that a parser gets a small clean header.
 */
const KEEP = new Set([
  'from',
  'sender',
  'reply-to',
  'to',
  'cc',
  'subject',
  'date',
  'message-id',
  'in-reply-to',
  'references',
  'return-path',
  'received',
  'auto-submitted',
  'precedence',
  'list-id',
  'list-unsubscribe',
  'list-post',
  'x-autoreply',
  'x-auto-response-suppress',
  'x-appel-receipt',
  'authentication-results',
  'content-language',
  'delivered-to',
]);
const MAX_FIELD = 16 * 1024;
/** How far to look for the end of the header block. */
const MAX_SCAN = 4 * 1024 * 1024;

export function essentialHeaders(bytes: Buffer): Buffer {
  const text = bytes.subarray(0, MAX_SCAN).toString('latin1');
  const blank = text.search(/\r?\n\r?\n/);
  // Up to the last field's own line end: slicing at blank + 1 kept the \r of a CRLF and lost its \n.
  const header = blank === -1 ? text : `${text.slice(0, blank)}\n`;
  const kept: string[] = [];
  const seen = new Set<string>();
  let field = '';
  const flush = () => {
    const name = field.slice(0, field.indexOf(':')).trim().toLowerCase();
    if (field.length <= MAX_FIELD && KEEP.has(name) && !seen.has(name)) {
      seen.add(name);
      kept.push(field.replace(/\r?\n$/, ''));
    }
  };
  let start = 0;
  while (start < header.length) {
    let end = header.indexOf('\n', start);
    end = end === -1 ? header.length : end + 1;
    const line = header.slice(start, end);
    if ((line[0] === ' ' || line[0] === '\t') && field !== '') {
      // A continuation: grow the field only while it may still be kept.
      if (field.length <= MAX_FIELD) field += line;
    } else {
      if (field !== '') flush();
      field = line.includes(':') ? line : '';
    }
    start = end;
  }
  if (field !== '') flush();
  return Buffer.from(`${kept.join('\r\n')}\r\n\r\n`, 'latin1');
}
