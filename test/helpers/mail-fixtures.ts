import MailComposer from 'nodemailer/lib/mail-composer';
import { makeDocx, p } from './docx-fixtures.js';

/**
 * Mail for tests, built here: well-formed messages through nodemailer's MailComposer, mbox files
 * written the mboxrd way, and the hostile messages intake must survive, written by hand because
 * no well-behaved composer would produce them.
 */
export interface EmlOptions {
  from?: string;
  to?: string;
  subject?: string;
  text?: string;
  html?: string;
  date?: Date;
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  headers?: Record<string, string>;
  attachments?: { filename: string; content: Buffer | string; contentType?: string }[];
}

export async function composeEml(options: EmlOptions = {}): Promise<Buffer> {
  const composer = new MailComposer({
    from: options.from ?? 'Marie Dupont <marie.dupont@example.fr>',
    to: options.to ?? 'Sociographe <appel@journal.example>',
    subject: options.subject ?? 'Proposition d’article pour le n° 81',
    text:
      options.text ??
      'Bonjour,\nVeuillez trouver ci-joint ma proposition d’article.\nCordialement,\nMarie Dupont',
    ...(options.html ? { html: options.html } : {}),
    date: options.date ?? new Date('2025-03-01T10:00:00Z'),
    messageId: options.messageId ?? '<m1@example.fr>',
    ...(options.inReplyTo ? { inReplyTo: options.inReplyTo } : {}),
    ...(options.references ? { references: options.references } : {}),
    headers: options.headers ?? {},
    attachments: options.attachments ?? [],
    // Tests must not reach files or URLs, whatever a fixture says.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return composer.compile().build();
}

/** A small .docx with one paragraph. */
export function sampleDocx(text = 'Le travail social à l’épreuve du numérique.'): Promise<Buffer> {
  return makeDocx({ body: p(text) });
}

/** An mbox (mboxrd): each message after an envelope line, body "From " lines escaped with ">". */
export function makeMbox(messages: readonly (Buffer | string)[], lineEnd = '\n'): Buffer {
  const parts: Buffer[] = [];
  messages.forEach((message, i) => {
    const text = (typeof message === 'string' ? Buffer.from(message) : message).toString('latin1');
    const escaped = text.replace(/\r\n/g, '\n').replace(/^(>*From )/gm, '>$1');
    const body = escaped.endsWith('\n') ? escaped : `${escaped}\n`;
    parts.push(Buffer.from(`From sender${i}@example.fr Sat Mar  1 10:00:0${i % 10} 2025\n`, 'latin1'));
    parts.push(Buffer.from(`${body}\n`.replace(/\n/g, lineEnd), 'latin1'));
  });
  return Buffer.concat(parts);
}

/** A plain message written by hand, CRLF line ends; `headers` go first, as written. */
export function rawMail(headers: string[], body = 'Bonjour.'): Buffer {
  return Buffer.from(`${headers.join('\r\n')}\r\n\r\n${body}\r\n`, 'utf8');
}

const BASE = ['From: Marie Dupont <marie.dupont@example.fr>', 'To: appel@journal.example', 'Subject: Test'];

/** A multipart/mixed message with `n` small attachments. */
export function manyPartsMail(n: number): Buffer {
  const parts = ['--b\r\nContent-Type: text/plain\r\n\r\nBonjour, voici mes fichiers.\r\n'];
  for (let i = 0; i < n; i++) {
    parts.push(
      `--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename="f${i}.bin"\r\n\r\nx${i}\r\n`,
    );
  }
  return Buffer.from(
    `${[...BASE, 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b"'].join('\r\n')}\r\n\r\n${parts.join('')}--b--\r\n`,
  );
}

/** `levels` multiparts, each inside the previous one, with a text at the bottom. */
export function deepMail(levels: number): Buffer {
  let body = 'Content-Type: text/plain\r\n\r\nAu fond.\r\n';
  for (let i = levels; i > 0; i--) {
    body = `Content-Type: multipart/mixed; boundary="l${i}"\r\n\r\n--l${i}\r\n${body}--l${i}--\r\n`;
  }
  return Buffer.from(`${[...BASE, 'MIME-Version: 1.0'].join('\r\n')}\r\n${body}`);
}

/** A message whose headers weigh about `bytes` (one long folded X-Padding header). */
export function hugeHeaderMail(bytes: number): Buffer {
  const line = `${'a'.repeat(76)}\r\n`;
  const padding = `X-Padding: start\r\n${` ${line}`.repeat(Math.ceil(bytes / line.length))}`;
  return Buffer.from(`${BASE.join('\r\n')}\r\n${padding}Message-ID: <huge@example.fr>\r\n\r\nBonjour.\r\n`);
}

/** One attachment whose name is given with RFC 2231 (percent-encoded UTF-8, `filename*=`). */
export function rfc2231Mail(name: string, content = 'contenu'): Buffer {
  const encoded = [...Buffer.from(name, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9.-]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
  return Buffer.from(
    `${[...BASE, 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b"'].join('\r\n')}\r\n\r\n` +
      '--b\r\nContent-Type: text/plain\r\n\r\nBonjour.\r\n' +
      `--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename*=UTF-8''${encoded}\r\n` +
      `Content-Transfer-Encoding: base64\r\n\r\n${Buffer.from(content).toString('base64')}\r\n--b--\r\n`,
  );
}
