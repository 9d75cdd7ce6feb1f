import { makeDocx, p } from '../../helpers/docx-fixtures.js';
import { composeEml, type EmlOptions } from '../../helpers/mail-fixtures.js';

/**
 * Messages for the intake tests, built here: people writing to the Sociographe no. 81 call (deadline
 * 1 September 2022, Paris time; 5,000 to 30,000 signes; phone and postal address asked for), each
 * with their own .docx. Everything is deterministic: a seed gives the same bytes every time.
 */

export const JOURNAL = 'appel@journal.example';
/** Inside the call's window: the messages of these tests arrive in August 2022. */
export const ON_TIME = new Date('2022-08-20T08:30:00Z');

/** A small seeded PRNG (mulberry32): the same seed, the same numbers, on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'accompagnement relation aide numérique dématérialisation droits accès personnes usagers ' +
  'travailleurs sociaux éducateurs assistantes service social institution plateforme algorithme ' +
  'écran distance entretien confiance médiation inclusion fracture compétences formation terrain ' +
  'pratiques professionnelles démarches administratives précarité autonomie dignité écoute parole ' +
  'territoire département association foyer quartier famille jeunesse vieillissement solidarité ' +
  'éthique gouvernance données dossier partagé coordination réseau partenaires politique publique'
).split(' ');

/** A paragraph of French-looking prose, about `chars` characters long. */
function prose(random: () => number, chars: number): string {
  const sentences: string[] = [];
  let length = 0;
  while (length < chars) {
    const n = 8 + Math.floor(random() * 14);
    const words = Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)] as string);
    const sentence = `${words.join(' ')}.`;
    sentences.push(sentence.charAt(0).toUpperCase() + sentence.slice(1));
    length += sentence.length + 1;
  }
  return sentences.join(' ');
}

/**
 * A manuscript (.docx) of about `signes` characters (well inside the call's 5,000–30,000 by
 * default), its text drawn from `seed`: two seeds, two different files (and hashes).
 */
export function manuscriptDocx(seed: number, signes = 8000): Promise<Buffer> {
  const random = prng(seed);
  const paragraphs: string[] = [p(`Manuscrit ${seed} : le numérique dans la relation d’aide`)];
  for (let total = 0; total < signes; ) {
    const text = prose(random, 600 + Math.floor(random() * 600));
    paragraphs.push(p(text));
    total += text.length;
  }
  return makeDocx({ body: paragraphs.join('') });
}

/** A one-page PDF, written by hand: recognised by content as a PDF, not a Word file. */
export function pdfFile(): Buffer {
  const body = [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
  ].join('\n');
  return Buffer.from(`${body}\n`, 'latin1');
}

export interface Person {
  given: string;
  surname: string;
  address: string;
  street: string;
  city: string;
  phone: string;
}

/** Fictitious people: real postcodes with their communes, numbers from ARCEP's fiction ranges. */
export const PEOPLE = {
  claire: {
    given: 'Claire',
    surname: 'Fontaine',
    address: 'claire.fontaine@exemple.fr',
    street: '12 rue des Lilas',
    city: '69003 Lyon',
    phone: '04 65 71 20 36',
  },
  louis: {
    given: 'Louis',
    surname: 'Garnier',
    address: 'louis.garnier@exemple.fr',
    street: '7 rue des Tanneurs',
    city: '35000 Rennes',
    phone: '02 61 91 33 48',
  },
  nadia: {
    given: 'Nadia',
    surname: 'Benali',
    address: 'nadia.benali@exemple.fr',
    street: '3 allée des Platanes',
    city: '31000 Toulouse',
    phone: '05 36 49 77 02',
  },
  marc: {
    given: 'Marc',
    surname: 'Lefebvre',
    address: 'marc.lefebvre@exemple.fr',
    street: '21 rue Nationale',
    city: '59000 Lille',
    phone: '03 53 01 64 19',
  },
  odile: {
    given: 'Odile',
    surname: 'Moreau',
    address: 'odile.moreau@exemple.fr',
    street: '5 place des Vosges',
    city: '75004 Paris',
    phone: '01 99 00 41 86',
  },
} satisfies Record<string, Person>;

export const fullName = (who: Person) => `${who.given} ${who.surname}`;

/** The E.164-ish form the intake records (libphonenumber's international format). */
export function international(phone: string): string {
  const digits = phone.replace(/\s/g, '').slice(1);
  return `+33 ${digits[0]} ${digits.slice(1).replace(/(\d\d)(?=\d)/g, '$1 ')}`;
}

export function signature(who: Person): string {
  return `-- \n${fullName(who)}\nÉducateur·rice spécialisé·e\n${who.street}\n${who.city}\nTél. : ${who.phone}\n`;
}

export interface SubmissionMail extends Omit<EmlOptions, 'from'> {
  from: Person;
  /** The date our server wrote in its Received header (the reception time intake must use). */
  received?: Date;
}

/** A message from `from`, signed with their details; `received` adds our server's Received header. */
export function mailFrom(options: SubmissionMail): Promise<Buffer> {
  const { from, received, ...rest } = options;
  const headers: Record<string, string> = { ...(rest.headers ?? {}) };
  if (received) {
    headers.Received =
      'from smtp.exemple.fr (smtp.exemple.fr [192.0.2.25]) by mx.journal.example with ESMTPS id 4Mz; ' +
      received.toUTCString().replace('GMT', '+0000');
  }
  return composeEml({
    to: `Sociographe <${JOURNAL}>`,
    date: ON_TIME,
    text: `Bonjour,\n\nVeuillez trouver ci-joint ma proposition d’article pour le n° 81.\n\nBien cordialement,\n\n${signature(from)}`,
    ...rest,
    from: `${fullName(from)} <${from.address}>`,
    headers,
  });
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function docxAttachment(name: string, content: Buffer) {
  return { filename: name, content, contentType: DOCX_TYPE };
}

/** The bytes a mail program saving this message with LF line ends would write (as an mbox holds it). */
export function withLf(raw: Buffer): Buffer {
  const text = raw.toString('latin1').replace(/\r\n/g, '\n');
  return Buffer.from(text.endsWith('\n') ? text : `${text}\n`, 'latin1');
}
