/**
 * Finding the authors in a text, for the anonymised copy a blind review needs: each author's
 * full name (either order, with the given name or its initial), the surname alone (self-citations:
 * « Dupré (2019) »), and the e-mail address. Accents and case are ignored, names are matched as
 * whole words, and a space between two parts of a name may be any space (a no-break one too).
 * The given name alone is not looked for: « Pierre », « Rose » or « Claude » are common words.
 */
export interface Identity {
  givenName: string;
  surname: string;
  email?: string;
}

/**
 * Who a copy is made anonymous for: the authors' names taken out for the readers (blind review),
 * or a reader's name taken out of the file they annotated, for the authors.
 */
export type AnonymousRole = 'author' | 'reader';

/** What stands in for the person: in the text, and as the author of a comment or a tracked change. */
export interface AnonymousLabels {
  placeholder: string;
  who: string;
  initials: string;
}

export const ANONYMOUS_LABELS: Record<AnonymousRole, AnonymousLabels> = {
  author: { placeholder: '[Auteur]', who: 'Auteur', initials: 'A' },
  reader: { placeholder: '[Relecture]', who: 'Relecture', initials: 'R' },
};

/** What stands in for a name in the anonymised copy. */
export const AUTHOR_PLACEHOLDER = ANONYMOUS_LABELS.author.placeholder;

export interface Match {
  start: number;
  end: number;
}

export interface NameFinder {
  /** The authors' names and addresses in `text`, as ranges of `text`, in order, not overlapping. */
  find(text: string): Match[];
}

/** One character folded (accents off, lower case): zero, one or more characters. */
function foldChar(c: string): string {
  return c.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The text folded, and for each folded character the index of the character it came from. */
function folded(text: string): { text: string; origin: number[] } {
  let out = '';
  const origin: number[] = [];
  let i = 0;
  for (const c of text) {
    const f = foldChar(c);
    for (let k = 0; k < f.length; k++) origin.push(i);
    out += f;
    i += c.length;
  }
  origin.push(i);
  return { text: out, origin };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A name's words, folded and escaped, joined by « any spaces »; hyphens kept. */
function phrase(name: string): string {
  return foldChar(name)
    .trim()
    .split(/\s+/u)
    .filter((w) => w !== '')
    .map(escapeRegExp)
    .join('[\\s\\u00a0\\u202f]+');
}

function alternatives(people: readonly Identity[]): string[] {
  const found = new Set<string>();
  for (const person of people) {
    const surname = phrase(person.surname);
    const given = phrase(person.givenName);
    if (surname.length < 2) continue;
    if (given !== '') {
      found.add(`${given}[\\s\\u00a0\\u202f]+${surname}`);
      found.add(`${surname}[\\s\\u00a0\\u202f,]+${given}`);
      const initial = escapeRegExp(foldChar(person.givenName.trim().charAt(0)));
      if (initial !== '') found.add(`${initial}\\.[\\s\\u00a0\\u202f]*${surname}`);
    }
    found.add(surname);
    if (person.email?.includes('@')) found.add(escapeRegExp(foldChar(person.email.trim())));
  }
  // Longest first, so that « Éloïse Dupré » is one match, not « Dupré » after a given name.
  return [...found].sort((a, b) => b.length - a.length);
}

/** A finder for these people; null when none has a surname to look for. */
export function nameFinder(people: readonly Identity[]): NameFinder | null {
  const choices = alternatives(people);
  if (choices.length === 0) return null;
  // Whole words only; a name inside an address (« eloise.dupre@… ») is found too.
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${choices.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return {
    find(text: string): Match[] {
      const f = folded(text);
      const matches: Match[] = [];
      for (const m of f.text.matchAll(pattern)) {
        const start = f.origin[m.index] as number;
        const end = f.origin[m.index + m[0].length] as number;
        matches.push({ start, end });
      }
      return matches;
    },
  };
}

/** The text with every match replaced by the placeholder, and how many there were. */
export function replaceNames(
  text: string,
  finder: NameFinder,
  placeholder = AUTHOR_PLACEHOLDER,
): { text: string; count: number } {
  const matches = finder.find(text);
  let out = '';
  let at = 0;
  for (const m of matches) {
    out += text.slice(at, m.start) + placeholder;
    at = m.end;
  }
  return { text: out + text.slice(at), count: matches.length };
}
