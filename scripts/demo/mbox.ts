/**
 * Composes the demo messages with nodemailer's MailComposer, with everything that would otherwise
 * vary fixed (Message-ID, Date, MIME boundaries), adds the trace headers the journal's server would
 * have written, and writes them as an mboxrd file.
 */
import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';

export const JOURNAL = 'appel81@sociographe.example';
const MX = 'mx.sociographe.example';

export type Client = 'thunderbird' | 'outlook' | 'iphone' | 'webmail';

export interface Person {
  name: string;
  address: string;
}

export interface Attachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface MailSpec {
  from: Person;
  cc?: Person[];
  subject: string;
  /** Local time with its offset, as the sender's computer wrote it: 2022-08-24T10:42:17+02:00. */
  sent: string;
  /** Seconds from the sender's click to our server's Received header. */
  transit: number;
  client: Client;
  /** The sender's outgoing server and the zone it writes its Received header in. */
  relay: { host: string; ip: string; clientIp: string; zone: string };
  text: string;
  /** Also send an HTML alternative, as Outlook does. */
  html?: boolean;
  attachments?: Attachment[];
  inReplyTo?: string;
  references?: string[];
  extraHeaders?: Record<string, string>;
  /** Envelope sender; "" for a null return path (automatic replies). */
  returnPath?: string;
  /** Seed of the Message-ID and boundaries; fixed per message. */
  key: string;
}

export interface Composed {
  raw: Buffer;
  messageId: string;
  /** The "From " line of the mbox. */
  envelope: string;
  arrival: Date;
}

const hex = (key: string, n: number) => createHash('sha256').update(key).digest('hex').slice(0, n);

/** The sender domain of an address. */
const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1);

export function messageIdFor(spec: Pick<MailSpec, 'key' | 'client' | 'from'>): string {
  const h = hex(spec.key, 32);
  const domain = domainOf(spec.from.address);
  switch (spec.client) {
    case 'thunderbird':
      return `<${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}@${domain}>`;
    case 'outlook':
      return `<${h.slice(0, 24).toUpperCase()}@EXCH01.${domain}>`;
    case 'iphone':
      return `<${h.slice(0, 8).toUpperCase()}-${h.slice(8, 12).toUpperCase()}-${h.slice(12, 16).toUpperCase()}-${h.slice(16, 20).toUpperCase()}-${h.slice(20, 32).toUpperCase()}@${domain}>`;
    case 'webmail':
      return `<${h.slice(0, 20)}.${h.slice(20, 28)}@webmail.${domain}>`;
  }
}

const CLIENT_HEADERS: Record<Client, Record<string, string>> = {
  thunderbird: {
    'User-Agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:91.0) Gecko/20100101 Thunderbird/91.13.0',
    'Content-Language': 'fr',
  },
  outlook: { 'X-Mailer': 'Microsoft Outlook 16.0', 'Content-Language': 'fr' },
  iphone: { 'X-Mailer': 'iPhone Mail (19G82)' },
  webmail: { 'X-Mailer': 'Webmail 1.5' },
};

const BOUNDARY_PREFIX: Record<Client, string> = {
  thunderbird: '------------',
  outlook: '----=_NextPart_000',
  iphone: 'Apple-Mail',
  webmail: '000000000000',
};

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** Minutes east of UTC of an offset written "+02:00" or "+0200". */
function offsetMinutes(zone: string): number {
  const m = /([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (!m) throw new Error(`no offset in ${zone}`);
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** An RFC 5322 date at a given offset: "Wed, 24 Aug 2022 10:42:17 +0200". */
export function mailDate(at: Date, offset: number): string {
  const d = new Date(at.getTime() + offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${DAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`
  );
}

/** The mbox envelope date, asctime in UTC: "Thu Sep  1 21:52:47 2022". */
function asctime(at: Date): string {
  return (
    `${DAYS[at.getUTCDay()]} ${MONTHS[at.getUTCMonth()]} ${String(at.getUTCDate()).padStart(2, ' ')} ` +
    `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())} ${at.getUTCFullYear()}`
  );
}

/** A Postfix-looking queue id. */
const queueId = (key: string) => hex(key, 12).toUpperCase();

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function toHtml(text: string): string {
  const paragraphs = text
    .split(/\n{2,}/)
    .map((p) => `<p class="MsoNormal">${escapeHtml(p).replace(/\n/g, '<br>\n')}</p>`);
  return `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>\n<body lang="FR">\n<div class="WordSection1">\n${paragraphs.join('\n')}\n</div>\n</body></html>\n`;
}

export async function compose(spec: MailSpec): Promise<Composed> {
  const sentAt = new Date(spec.sent);
  const senderOffset = offsetMinutes(spec.sent);
  const relayAt = new Date(sentAt.getTime() + Math.max(1, Math.floor(spec.transit / 3)) * 1000);
  const arrival = new Date(sentAt.getTime() + spec.transit * 1000);
  const messageId = messageIdFor(spec);
  const composer = new MailComposer({
    from: spec.from,
    to: JOURNAL,
    ...(spec.cc ? { cc: spec.cc } : {}),
    subject: spec.subject,
    messageId,
    date: mailDate(sentAt, senderOffset),
    ...(spec.inReplyTo ? { inReplyTo: spec.inReplyTo } : {}),
    ...(spec.references ? { references: spec.references } : {}),
    headers: { ...CLIENT_HEADERS[spec.client], ...spec.extraHeaders },
    text: spec.text,
    ...(spec.html ? { html: toHtml(spec.text) } : {}),
    attachments: (spec.attachments ?? []).map((a) => ({ ...a })),
    baseBoundary: hex(`${spec.key}/boundary`, 16),
    boundaryPrefix: BOUNDARY_PREFIX[spec.client],
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const message = (await composer.compile().build()).toString('utf8').replace(/\r\n/g, '\n');
  const domain = domainOf(spec.from.address);
  const returnPath = spec.returnPath ?? spec.from.address;
  const paris = offsetMinutes('+02:00'); // all of late August and early September 2022 is CEST
  const trace = [
    `Return-Path: <${returnPath}>`,
    `Delivered-To: ${JOURNAL}`,
    `Received: from ${spec.relay.host} (${spec.relay.host} [${spec.relay.ip}])\n\tby ${MX} (Postfix) with ESMTPS id ${queueId(`${spec.key}/mx`)}\n\tfor <${JOURNAL}>; ${mailDate(arrival, paris)} (CEST)`,
    `Authentication-Results: ${MX};\n\tdkim=pass header.d=${domain};\n\tspf=pass smtp.mailfrom=${returnPath ? domain : spec.relay.host};\n\tdmarc=pass (p=none dis=none) header.from=${domain}`,
    `Received: from [${spec.relay.clientIp}] (unknown [${spec.relay.clientIp}])\n\tby ${spec.relay.host} (Postfix) with ESMTPSA id ${queueId(`${spec.key}/relay`)}\n\tfor <${JOURNAL}>; ${mailDate(relayAt, offsetMinutes(spec.relay.zone))} (${zoneName(spec.relay.zone)})`,
  ].join('\n');
  const raw = Buffer.from(`${trace}\n${message.endsWith('\n') ? message : `${message}\n`}`, 'utf8');
  return { raw, messageId, envelope: `From ${returnPath || 'MAILER-DAEMON'} ${asctime(arrival)}`, arrival };
}

function zoneName(zone: string): string {
  return ({ '+02:00': 'CEST', '+01:00': 'BST', '+04:00': '+04' } as Record<string, string>)[zone] ?? zone;
}

/** mboxrd: every line that starts with ">*From " gets one more ">". */
export function mboxrd(messages: readonly { envelope: string; raw: Buffer }[]): Buffer {
  const parts: string[] = [];
  for (const m of messages) {
    const body = m.raw.toString('utf8').replace(/^(>*From )/gm, '>$1');
    parts.push(`${m.envelope}\n${body}\n`);
  }
  return Buffer.from(parts.join(''), 'utf8');
}
