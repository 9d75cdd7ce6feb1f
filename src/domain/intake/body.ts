/**
 * The author's own words in a message body: quoted replies go (our receipt quoted back carries
 * the journal's own address and phone, which must never be read as the author's), and the
 * signature is told apart, since contact details are most often there.
 */
export interface BodyParts {
  /** The text the author wrote, quotes removed. */
  own: string;
  /** The signature block, when one was recognised. */
  signature?: string;
}

// Where a quoted message begins: "Le lun. 3 juin 2024 à 10:00, X a écrit :", "On … wrote:",
// Outlook's "De : … Envoyé : …" block, or a "Original Message" rule.
const QUOTE_HEADERS = [
  /^\s*Le\s.{3,200}\sa\s+écrit\s*:\s*$/im,
  /^\s*On\s.{3,200}\swrote\s*:\s*$/im,
  /^\s*-{2,}\s*(Original Message|Message d['’]origine|Message original|Forwarded message|Message transféré)\s*-{2,}/im,
  /^\s*(De|From)\s*:.*\n(.*\n){0,3}?\s*(Envoyé|Sent|Date)\s*:/im,
];

const SIGN_OFF =
  /^\s*(bien\s+)?(cordialement|à\s+vous|amicalement|sinc[eè]rement|bien\s+à\s+vous|sinc[eè]res\s+salutations|(best|kind|warm)\s+regards|regards|best|sincerely)\s*[,.!]?\s*$/i;

export function splitBody(text: string): BodyParts {
  let own = text.replace(/\r\n?/g, '\n');
  for (const header of QUOTE_HEADERS) {
    const at = own.search(header);
    if (at !== -1) own = own.slice(0, at);
  }
  own = own
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('>'))
    .join('\n')
    .trim();
  const lines = own.split('\n');
  // RFC 3676's delimiter "-- " first; then a closing formula among the last lines.
  let cut = lines.findLastIndex((line) => line === '-- ' || line === '--');
  if (cut === -1) {
    const from = Math.max(0, lines.length - 15);
    const formula = lines.slice(from).findLastIndex((line) => SIGN_OFF.test(line));
    cut = formula === -1 ? -1 : from + formula;
  }
  if (cut === -1) return { own };
  const signature = lines
    .slice(cut + 1)
    .join('\n')
    .trim();
  return signature ? { own, signature } : { own };
}
