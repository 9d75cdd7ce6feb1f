import type { Lang } from '../shared/message.js';
import type { Block, Inline, LetterDocument, Line } from './document.js';
import { escapeHtml, isWebLink } from './escape.js';

/**
 * The HTML letter: the same blocks as the text, simple markup, inline styles only (mail programs
 * drop style sheets), large readable type. Every piece of text goes through escapeHtml.
 */

const BODY_STYLE =
  'margin:0;padding:16px;background:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5';
const HEADING_STYLE = 'font-size:18px;margin:28px 0 8px 0';
const LIST_TITLE_STYLE = 'margin:16px 0 4px 0';
const LIST_STYLE = 'margin-top:0';
const FOOTER_STYLE = 'font-size:14px;color:#555555';

function inline(part: Inline): string {
  if (typeof part === 'string') return escapeHtml(part);
  if (!isWebLink(part.href))
    return escapeHtml(part.text === part.href ? part.href : `${part.text} (${part.href})`);
  return `<a href="${escapeHtml(part.href)}">${escapeHtml(part.text)}</a>`;
}

function line(parts: Line): string {
  return parts.map(inline).join('');
}

function lines(ls: Line[]): string {
  return ls.map(line).join('<br>\n');
}

/** `lang`: the language the block is read in (its own, or the letter's). */
function block(b: Block, lang: Lang): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p>${lines(b.lines)}</p>`;
    case 'heading':
      return `<h2 style="${HEADING_STYLE}">${escapeHtml(b.text)}</h2>`;
    case 'list': {
      const title =
        b.title === undefined ? '' : `<p style="${LIST_TITLE_STYLE}">${escapeHtml(b.title)}</p>\n`;
      const style = b.title === undefined ? '' : ` style="${LIST_STYLE}"`;
      return `${title}<ul${style}>\n${b.items.map((item) => `<li>${lines(item)}</li>`).join('\n')}\n</ul>`;
    }
    case 'footer': {
      // A line in another language (the English notice of a two-language letter) gets its own
      // element with its lang, or a screen reader reads it with the letter's voice.
      const marked = b.lines.map((l, i) => {
        const own = b.langs?.[i];
        return own === undefined || own === lang ? line(l) : `<span lang="${own}">${line(l)}</span>`;
      });
      return `<hr>\n<p style="${FOOTER_STYLE}">${marked.join('<br>\n')}</p>`;
    }
  }
}

/**
 * The blocks in order; each run of blocks in another language than the letter's is wrapped in one
 * `<div lang>`, so assistive technology reads it with the right voice.
 */
function blocks(doc: LetterDocument): string[] {
  const out: string[] = [];
  let open: string | null = null;
  for (const b of doc.blocks) {
    const lang = b.lang !== undefined && b.lang !== doc.lang ? b.lang : null;
    if (lang !== open) {
      if (open !== null) out.push('</div>');
      if (lang !== null) out.push(`<div lang="${lang}">`);
      open = lang;
    }
    out.push(block(b, b.lang ?? doc.lang));
  }
  if (open !== null) out.push('</div>');
  return out;
}

export function renderHtml(doc: LetterDocument): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${doc.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(doc.subject)}</title>`,
    '</head>',
    `<body style="${BODY_STYLE}">`,
    '<div style="max-width:40em">',
    ...blocks(doc),
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
