/**
 * The readable text of an HTML body, for finding contact details in it: scripts, styles and
 * comments go, block ends become line breaks, tags go, entities are decoded. Not a renderer:
 * every pattern is linear, and the input is already capped by the message's size.
 */
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  eacute: 'é',
  egrave: 'è',
  ecirc: 'ê',
  agrave: 'à',
  acirc: 'â',
  ccedil: 'ç',
  ocirc: 'ô',
  ucirc: 'û',
  ugrave: 'ù',
  icirc: 'î',
  iuml: 'ï',
  euml: 'ë',
  rsquo: '’',
  lsquo: '‘',
  laquo: '«',
  raquo: '»',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  euro: '€',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
        ? String.fromCodePoint(code)
        : '';
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

/**
 * Removes comments and script/style/head/title elements with one forward scan: a lazy regex would
 * rescan the rest of the text for every unclosed "<!--", which a hostile body can repeat.
 */
function dropHiddenBlocks(html: string): string {
  const lower = html.toLowerCase();
  const opener = /<!--|<(script|style|head|title)\b/g;
  let out = '';
  let from = 0;
  for (let m = opener.exec(lower); m; m = opener.exec(lower)) {
    const closer = m[1] ? `</${m[1]}` : '-->';
    const end = lower.indexOf(closer, m.index + m[0].length);
    out += html.slice(from, m.index);
    if (end === -1) return out;
    const close = m[1] ? lower.indexOf('>', end) : end + 2;
    if (close === -1) return out;
    from = close + 1;
    opener.lastIndex = from;
  }
  return out + html.slice(from);
}

export function htmlToText(html: string): string {
  return decodeEntities(
    dropHiddenBlocks(html)
      .replace(/<br\b[^>]*>/gi, '\n')
      .replace(/<\/(p|div|li|tr|h[1-6]|blockquote|table|address)\s*>/gi, '\n')
      .replace(/<(p|div|li|tr|h[1-6]|table)\b[^>]*>/gi, '\n')
      .replace(/<\/t[dh]\s*>/gi, '\t')
      .replace(/<[^>]*>/g, ''),
  )
    .replace(/[ \t\u00a0]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
