/**
 * Text as the desk's search compares it: without accents, in lower case, with one kind of
 * apostrophe and one kind of space. « L’Élan » is found with « l'elan »: coordinators type on
 * any keyboard, authors write with Word's typographic apostrophes and no-break spaces.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u2019\u2018\u02bc\u2032`]/g, "'")
    .replace(/\s+/gu, ' ');
}

/** The words of a search, folded; at most `max` (a query is a few words, not a paragraph). */
export function searchWords(query: string, max = 8): string[] {
  return foldForSearch(query).split(' ').filter(Boolean).slice(0, max);
}
