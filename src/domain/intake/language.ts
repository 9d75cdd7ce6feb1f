/**
 * French or English, from the commonest short words: enough to answer an author in the language
 * they wrote in. French is the default whenever the text says too little or both as much.
 */
const FRENCH = new Set(
  'le la les un une des du de et est vous nous je mon ma mes votre vos pour dans sur avec ce cette qui que pas ne au aux bonjour cordialement merci madame monsieur veuillez ci-joint article proposition'.split(
    ' ',
  ),
);
const ENGLISH = new Set(
  'the a an and is are you we i my your for in on with this that which not to of hello dear regards thank thanks please attached paper submission'.split(
    ' ',
  ),
);

export function guessLanguage(text: string): 'fr' | 'en' | undefined {
  let fr = 0;
  let en = 0;
  let words = 0;
  for (const match of text
    .slice(0, 20_000)
    .toLowerCase()
    .matchAll(/[\p{L}’'-]+/gu)) {
    const word = match[0];
    words++;
    if (FRENCH.has(word)) fr++;
    if (ENGLISH.has(word)) en++;
    if (words >= 2_000) break;
  }
  if (fr + en < 3) return undefined;
  return en > fr * 1.5 ? 'en' : 'fr';
}
