import { frenchTypography } from '../shared/typography.js';
import type { Call } from './schema.js';

/**
 * A text the call's file gives (theme, summary, a line of inquiry), as it is shown: with French
 * typography when the call is written in French (its first language), whatever the page's language,
 * since the text itself is French. Call files are written with ordinary spaces, like the program's
 * own sentences; this sets the no-break spaces before « : » ; ! ? and inside « ».
 */
export function callText(call: Pick<Call, 'languages'>, text: string): string {
  return call.languages[0] === 'fr' ? frenchTypography(text) : text;
}
