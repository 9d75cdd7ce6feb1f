/**
 * French-looking prose for the generated manuscripts: a seeded generator, a vocabulary of a few
 * thousand invented words (accents, cedillas) mixed with real function words, French typography
 * (’ elisions, no-break spaces before ; : ! ? and inside « »). Varied enough that deflate does not
 * shrink it absurdly, as real manuscripts are not.
 */

const NBSP = '\u00a0';
const NNBSP = '\u202f';

/** mulberry32: small, fast, reproducible. */
export class Random {
  constructor(private state: number) {}

  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  /** Biased towards the start of the list (frequent words first), Zipf-like. */
  skewed<T>(items: readonly T[]): T {
    const r = this.next();
    return items[Math.floor(r * r * r * items.length)] as T;
  }

  hex(digits: number): string {
    let s = '';
    for (let i = 0; i < digits; i++) s += '0123456789ABCDEF'[this.int(16)];
    return s;
  }
}

const FUNCTION_WORDS = [
  'de',
  'la',
  'le',
  'et',
  'les',
  'des',
  'en',
  'un',
  'une',
  'du',
  'à',
  'dans',
  'pour',
  'que',
  'qui',
  'sur',
  'par',
  'au',
  'avec',
  'est',
  'sont',
  'ne',
  'pas',
  'plus',
  'ou',
  'où',
  'mais',
  'comme',
  'aux',
  'leur',
  'cette',
  'ces',
  'son',
  'sa',
  'ses',
  'elle',
  'ils',
  'nous',
  'être',
  'avoir',
  'fait',
  'très',
  'aussi',
  'même',
  'déjà',
  'après',
  'entre',
  'sans',
  'chez',
  'selon',
  'lorsque',
  'ainsi',
  'où',
];

const NOUNS = [
  'travail',
  'social',
  'éducateur',
  'éducatrice',
  'famille',
  'enfant',
  'jeunesse',
  'accompagnement',
  'institution',
  'établissement',
  'usager',
  'personne',
  'équipe',
  'pratique',
  'réflexion',
  'écrit',
  'parole',
  'métier',
  'formation',
  'stagiaire',
  'hébergement',
  'protection',
  'quartier',
  'réseau',
  'territoire',
  'dispositif',
  'expérience',
  'relation',
  'autonomie',
  'précarité',
  'santé',
  'école',
];

const ONSETS = [
  '',
  'b',
  'c',
  'ch',
  'd',
  'f',
  'g',
  'gn',
  'j',
  'l',
  'm',
  'n',
  'p',
  'pr',
  'qu',
  'r',
  's',
  't',
  'tr',
  'v',
];
const VOWELS = [
  'a',
  'e',
  'i',
  'o',
  'u',
  'é',
  'è',
  'ê',
  'â',
  'ou',
  'ai',
  'au',
  'eu',
  'oi',
  'an',
  'on',
  'in',
  'ë',
];
const CODAS = ['', '', '', 'r', 'l', 's', 'n', 'c', 't'];
const SUFFIXES = [
  '',
  '',
  '',
  'ment',
  'tion',
  'ité',
  'ière',
  'ée',
  'eux',
  'age',
  'isme',
  'ance',
  'ç',
  'çon',
  'elle',
];

function inventWord(random: Random): string {
  let word = '';
  const syllables = 1 + random.int(3);
  for (let i = 0; i < syllables; i++) word += random.pick(ONSETS) + random.pick(VOWELS) + random.pick(CODAS);
  return word + random.pick(SUFFIXES);
}

export function vocabulary(random: Random, size: number): string[] {
  const words = new Set<string>([...FUNCTION_WORDS, ...NOUNS]);
  while (words.size < size) words.add(inventWord(random));
  return [...words];
}

const ELIDED = ['l’', 'd’', 'qu’', 'n’', 's’', 'j’'];

function startsWithVowel(word: string): boolean {
  return /^[aeiouéèêâ]/.test(word);
}

export function sentence(random: Random, words: readonly string[]): string {
  const length = 6 + random.int(20);
  const out: string[] = [];
  for (let i = 0; i < length; i++) {
    let word = random.skewed(words);
    if (startsWithVowel(word) && random.next() < 0.3) word = random.pick(ELIDED) + word;
    if (i > 2 && i < length - 2 && random.next() < 0.08) word += random.next() < 0.7 ? ',' : `${NBSP};`;
    if (random.next() < 0.02) word = `«${NBSP}${word}${NBSP}»`;
    out.push(word);
  }
  const first = out[0] as string;
  out[0] = first.charAt(0).toUpperCase() + first.slice(1);
  const end = random.next();
  return out.join(' ') + (end < 0.85 ? '.' : end < 0.95 ? `${NNBSP}?` : `${NBSP}!`);
}

export function sentences(random: Random, words: readonly string[], min: number, max: number): string[] {
  const n = min + random.int(max - min + 1);
  return Array.from({ length: n }, () => sentence(random, words));
}

const AUTHORS = ['Dupont', 'Lefèvre', 'Bégout', 'Castel', 'Ravon', 'Chauvière', 'Autès', 'Soulé'];

export function citation(random: Random): { result: string; code: string } {
  const author = random.pick(AUTHORS);
  const year = 1980 + random.int(45);
  const id = random.hex(8).toLowerCase();
  const item = {
    id: random.int(9000),
    uris: [`http://zotero.org/users/${random.int(99999)}/items/${random.hex(8)}`],
    itemData: {
      type: 'book',
      title: `${random.pick(NOUNS)} et ${random.pick(NOUNS)}`,
      author: [{ family: author, given: 'Jeanne' }],
      issued: { 'date-parts': [[year]] },
    },
  };
  const json = {
    citationID: id,
    properties: { formattedCitation: `(${author}, ${year})`, plainCitation: `(${author}, ${year})` },
    citationItems: [item],
    schema: 'https://github.com/citation-style-language/schema/raw/master/csl-citation.json',
  };
  return { result: `(${author}, ${year})`, code: ` ADDIN ZOTERO_ITEM CSL_CITATION ${JSON.stringify(json)} ` };
}
