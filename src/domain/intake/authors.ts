import type { MailAddress } from './message.js';

/**
 * The authors a message names, and which one is the contact for the editors. People write
 * « Auteurs : Marie Dupont et Jean Martin », « article co-écrit avec Jean Martin »,
 * « Contact : Marie Dupont », or name no one, in which case the sender is the sole author.
 * What cannot be read with confidence is left out: the receipt then asks.
 */
export interface FoundAuthor {
  givenName: string;
  surname: string;
  email?: string;
  isContact: boolean;
  /** This author is the sender of the message. */
  isSender: boolean;
}

const LIST = /^\s*(?:co-?)?(?:auteur|autrice|author)[\p{L}()·.]*\s*:\s*(.+)$/imu;
// Not \b: in JavaScript it knows only ASCII letters, so « un texte écrit avec » never matched.
const WITH =
  /(?<!\p{L})(?:co-?)?(?:écrit|rédigé|written|co-?signé)\s+(?:avec|with|en collaboration avec)\s+([^.;\n]+)/iu;
const CONTACT =
  /^\s*(?:contact(?:\s+pour\s+la\s+rédaction)?|personne\s+à\s+contacter|interlocut(?:eur|rice)|corresponding\s+author)\s*:\s*(.+)$/imu;
const SELF_CONTACT =
  /\b(je\s+serai|c['’]est\s+moi)\s+(le|la|l['’])\s*(contact|personne\s+à\s+contacter|interlocut(eur|rice))\b/iu;
const TITLES = /^(m|mme|mlle|mr|mrs|ms|dr|pr|prof|monsieur|madame)\.?$/i;
const PARTICLES = new Set([
  'de',
  'du',
  'des',
  'd’',
  "d'",
  'le',
  'la',
  'van',
  'von',
  'da',
  'di',
  'del',
  'della',
]);
const EMAIL = /[^\s<>()@,;]+@[^\s<>()@,;]+\.[^\s<>()@,;]+/;

/** « Marie DUPONT », « Dupont, Marie » is not handled (the comma separates authors). */
export function splitName(full: string): { givenName: string; surname: string } | null {
  const words = full
    .split(/\s+/)
    .filter(Boolean)
    .filter((w, i) => !(i === 0 && TITLES.test(w)));
  if (words.length < 2 || words.length > 6 || !words.every((w) => /^[\p{L}][\p{L}\p{M}'’.-]*$/u.test(w))) {
    return null;
  }
  const upper = words.filter((w) => w.length > 1 && w === w.toUpperCase() && /\p{Lu}/u.test(w));
  if (upper.length > 0 && upper.length < words.length) {
    return { givenName: words.filter((w) => !upper.includes(w)).join(' '), surname: upper.join(' ') };
  }
  let cut = words.length - 1;
  while (cut > 1 && PARTICLES.has((words[cut - 1] ?? '').toLowerCase())) cut--;
  return { givenName: words.slice(0, cut).join(' '), surname: words.slice(cut).join(' ') };
}

function normalise(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

function sameName(
  a: { givenName: string; surname: string },
  b: { givenName: string; surname: string },
): boolean {
  return normalise(`${a.givenName} ${a.surname}`) === normalise(`${b.givenName} ${b.surname}`);
}

// The end of a sentence: after a word (not an initial such as « J. »), a full stop and a space.
const SENTENCE_END = /(?<=\p{Ll}{2})[.;!?](\s|$)/u;

const SEPARATOR = /\s*(?:,|;|&|\bet\b|\band\b)\s*/i;
const HIDDEN = /\uE000(\d+)\uE001/g;

/**
 * The items of a list of people, split at commas, « et », « and »… but never inside brackets:
 * « Paul Mercier (éducateur spécialisé, IRTS) » is one person with a note about them.
 */
function listItems(list: string): string[] {
  const groups: string[] = [];
  const masked = list.replace(/\([^)]*\)|<[^>]*>/g, (g) => `\uE000${groups.push(g) - 1}\uE001`);
  return masked
    .split(SEPARATOR)
    .map((item) => item.replace(HIDDEN, (_, i: string) => groups[Number(i)] ?? ''));
}

const isParticle = (word: string) => PARTICLES.has(word.toLowerCase());
// « Paul », « DUPONT », « Jean-Paul », « d’Alembert »: a name's words are capitalised.
const isNameWord = (word: string) => /^(?:[dl]['’])?\p{Lu}/u.test(word);

/**
 * The name an item begins with, without the words that follow it: « Paul Mercier pour le premier
 * axe » → « Paul Mercier »; « pour le premier axe » and « éducateur spécialisé » name no one. People
 * write names capitalised and the rest of a sentence not, which is what tells them apart; particles
 * (« de La Fontaine ») are kept inside a name and dropped at its end.
 */
function leadingName(item: string): string {
  const words = item.split(/\s+/).filter(Boolean);
  let end = 0;
  while (
    end < words.length &&
    (isNameWord(words[end] as string) || (end > 0 && isParticle(words[end] as string)))
  ) {
    end++;
  }
  while (end > 0 && isParticle(words[end - 1] as string)) end--;
  return words.slice(0, end).join(' ');
}

function parseList(text: string): { author: FoundAuthor; marked: boolean }[] {
  const out: { author: FoundAuthor; marked: boolean }[] = [];
  const list = text.split(SENTENCE_END)[0] ?? '';
  for (const item of listItems(list)) {
    const email = item.match(EMAIL)?.[0];
    const marked = /\((?:[^)]*\b)?(contact|personne à contacter|corresponding)\b[^)]*\)/i.test(item);
    const bare = item
      .replace(/\([^)]*\)|<[^>]*>/g, ' ')
      .replace(EMAIL, ' ')
      .trim();
    const name = splitName(leadingName(bare));
    if (!name) continue;
    const author: FoundAuthor = { ...name, isContact: false, isSender: false };
    if (email) author.email = email;
    out.push({ author, marked });
  }
  return out.slice(0, 20);
}

export function findAuthors(text: string, sender?: MailAddress): FoundAuthor[] {
  const senderName = sender?.name ? splitName(sender.name.replace(/^"|"$/g, '')) : null;
  const listed = LIST.exec(text);
  const withOthers = listed ? null : WITH.exec(text);
  const entries = listed?.[1] ? parseList(listed[1]) : withOthers?.[1] ? parseList(withOthers[1]) : [];
  const authors = entries.map((e) => ({ ...e.author, isContact: e.marked }));
  const senderAuthor = (): FoundAuthor | null =>
    senderName && sender ? { ...senderName, email: sender.address, isContact: false, isSender: true } : null;

  // « co-écrit avec X »: the sender is an author too. « Auteurs : … » lists everyone.
  if (withOthers && senderName && !authors.some((a) => sameName(a, senderName))) {
    const me = senderAuthor();
    if (me) authors.unshift(me);
  }
  if (authors.length === 0) {
    const me = senderAuthor();
    return me ? [{ ...me, isContact: true }] : [];
  }
  for (const a of authors) {
    if (senderName && sameName(a, senderName) && sender) {
      a.isSender = true;
      a.email ??= sender.address;
    }
  }
  const contactLine = CONTACT.exec(text)?.[1];
  if (contactLine) {
    const named = parseList(contactLine)[0]?.author;
    for (const a of authors) if (named && sameName(a, named)) a.isContact = true;
  }
  if (SELF_CONTACT.test(text)) for (const a of authors) if (a.isSender) a.isContact = true;
  if (authors.length === 1 && authors[0]) authors[0].isContact = true;
  return authors;
}
