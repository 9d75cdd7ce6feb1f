import type { Block, Inline, LetterDocument, Line } from './document.js';

/**
 * The plain-text letter, the reference version. Lines are not wrapped: phones and mail programs
 * wrap them to the screen, whereas hard breaks at 72 columns read as broken lines on a phone.
 */

function inline(part: Inline): string {
  if (typeof part === 'string') return part;
  return part.text === part.href ? part.href : `${part.text} (${part.href})`;
}

function line(parts: Line): string {
  return parts.map(inline).join('');
}

function block(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return b.lines.map(line).join('\n');
    case 'heading':
      return `${b.text}\n${'-'.repeat([...b.text].length)}`;
    case 'list': {
      const items = b.items.map((item) =>
        item.map((l, i) => `${i === 0 ? '- ' : '  '}${line(l)}`).join('\n'),
      );
      return [...(b.title === undefined ? [] : [b.title]), ...items].join('\n');
    }
    case 'footer':
      // "-- " is the signature separator (RFC 3676): mail programs leave what follows out of quotes.
      return `-- \n${b.lines.map(line).join('\n')}`;
  }
}

export function renderText(doc: LetterDocument): string {
  return `${doc.blocks.map(block).join('\n\n')}\n`;
}
