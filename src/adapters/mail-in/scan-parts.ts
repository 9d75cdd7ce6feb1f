/**
 * Counts a message's MIME parts before parsing it, by its boundary lines, and finds where the
 * part after the last one we read begins. Parsing the message cut there keeps the first parts
 * (the text and the manuscript usually come first) and spends nothing on the thousands after.
 * The count is what the boundary lines say, which is what any MIME parser would follow.
 */
export interface PartScan {
  /** Parts seen: the message itself, plus one per boundary line. */
  parts: number;
  /** Byte offset where the part beyond `maxParts` starts; undefined when within the cap. */
  cutAt?: number;
}

const BOUNDARY = /boundary\s*=\s*(?:"([^"\r\n]{1,200})"|([^\s;"]{1,200}))/gi;

export function scanParts(bytes: Buffer, maxParts: number): PartScan {
  // latin1 maps each byte to one character: string offsets are byte offsets.
  const text = bytes.toString('latin1');
  const boundaries = new Set<string>();
  for (const m of text.matchAll(BOUNDARY)) {
    boundaries.add((m[1] ?? m[2] ?? '').trim());
    if (boundaries.size >= 10_000) break; // far beyond any real message; enough to count
  }
  const scan: PartScan = { parts: 1 };
  if (boundaries.size === 0) return scan;
  let start = text.startsWith('--') ? 0 : text.indexOf('\n--');
  while (start !== -1) {
    const lineStart = text[start] === '\n' ? start + 1 : start;
    let end = text.indexOf('\n', lineStart);
    if (end === -1) end = text.length;
    const value = text.slice(lineStart + 2, Math.min(end, lineStart + 2 + 210)).replace(/[ \t\r]+$/, '');
    if (!value.endsWith('--') || !boundaries.has(value.slice(0, -2))) {
      if (boundaries.has(value)) {
        scan.parts++;
        if (scan.parts > maxParts && scan.cutAt === undefined) scan.cutAt = lineStart;
      }
    }
    start = text.indexOf('\n--', end);
  }
  return scan;
}
