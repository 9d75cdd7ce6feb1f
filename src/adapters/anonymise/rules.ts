import { type Identity, type NameFinder, nameFinder } from '../../domain/manuscript/author-names.js';
import { AppError } from '../../domain/shared/errors.js';

/** What a rewriting step gives: the part's new text and how many replacements it made. */
export interface PartResult {
  xml: string;
  count: number;
}

/** The finder for these people, or ANONYMISE_NO_NAMES when there is no name to look for. */
export function finderFor(people: readonly Identity[]): NameFinder {
  const finder = nameFinder(people);
  if (finder === null) throw new AppError('ANONYMISE_NO_NAMES', {});
  return finder;
}

/** Runs the steps one after the other on a part, adding up their counts. */
export function steps(xml: string, all: readonly ((xml: string) => PartResult)[]): PartResult {
  let count = 0;
  let out = xml;
  for (const step of all) {
    const result = step(out);
    out = result.xml;
    count += result.count;
  }
  return { xml: out, count };
}

/** These elements (properties that name a person) emptied wherever they have content. */
export function emptyElements(xml: string, elements: readonly string[], replacement = ''): PartResult {
  let count = 0;
  let out = xml;
  for (const element of elements) {
    const full = new RegExp(`<${element}(\\s[^>]*)?>[^<]+</${element}>`, 'g');
    out = out.replace(full, (whole, attributes: string | undefined) => {
      const emptied = `<${element}${attributes ?? ''}>${replacement}</${element}>`;
      if (emptied === whole) return whole;
      count++;
      return emptied;
    });
  }
  return { xml: out, count };
}
