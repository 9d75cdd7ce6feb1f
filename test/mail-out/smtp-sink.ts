import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

/**
 * A real SMTP server in this process, on 127.0.0.1 and a free port, that keeps what it receives.
 * `failFirst` answers the first N messages with "451 Try again later" after DATA, as a busy or
 * greylisting server does.
 */

export interface Received {
  raw: Buffer;
  mailFrom: string;
  rcptTo: string[];
}

export interface SmtpSink {
  port: number;
  received: Received[];
  /** DATA transfers answered with 451 so far. */
  rejected: number;
  close(): Promise<void>;
}

function envelopeOf(session: SMTPServerSession): { mailFrom: string; rcptTo: string[] } {
  const from = session.envelope.mailFrom;
  return {
    mailFrom: from === false ? '' : from.address,
    rcptTo: session.envelope.rcptTo.map((r) => r.address),
  };
}

export async function startSmtpSink(options: { failFirst?: number } = {}): Promise<SmtpSink> {
  const sink = { received: [] as Received[], rejected: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (sink.rejected < (options.failFirst ?? 0)) {
          sink.rejected += 1;
          const error = Object.assign(new Error('Try again later'), { responseCode: 451 });
          callback(error);
          return;
        }
        sink.received.push({ raw: Buffer.concat(chunks), ...envelopeOf(session) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    get received() {
      return sink.received;
    },
    get rejected() {
      return sink.rejected;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The header section of a raw message, unfolded, as [name, value] pairs in order. */
export function rawHeaders(raw: Buffer | string): Array<[string, string]> {
  const text = raw.toString('utf8');
  const end = text.indexOf('\r\n\r\n');
  const head = (end < 0 ? text : text.slice(0, end)).replace(/\r\n[ \t]+/g, ' ');
  return head.split('\r\n').map((line) => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
  });
}

export function header(raw: Buffer | string, name: string): string[] {
  return rawHeaders(raw)
    .filter(([n]) => n.toLowerCase() === name.toLowerCase())
    .map(([, v]) => v);
}
