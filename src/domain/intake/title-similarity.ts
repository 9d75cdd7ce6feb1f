/**
 * How alike two titles are, from 0 to 1: the share of meaningful words they have in common
 * (Dice's coefficient). Accents, case, punctuation, reply prefixes and the little words of French
 * and English do not count, so « Re: Proposition : Le travail social à l’épreuve » matches
 * « Le travail social a l'epreuve ».
 */
const STOP = new Set(
  (
    'le la les l un une des de du d et ou a au aux en dans sur pour par avec sans ce cette ces son sa ses leur leurs ' +
    'qui que quoi dont the a an of and or in on for to with by re tr fw fwd aw wg proposition article ' +
    'nouvelle version revisee revised new manuscrit manuscript submission numero n no appel'
  ).split(' '),
);

export function titleWords(title: string): Set<string> {
  const words = title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && !STOP.has(w) && !/^\d+$/.test(w));
  return new Set(words);
}

export function titleSimilarity(a: string, b: string): number {
  const x = titleWords(a);
  const y = titleWords(b);
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return (2 * common) / (x.size + y.size);
}
