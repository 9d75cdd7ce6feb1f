import type { JsonObject, JsonValue } from '../ports/json.js';
import { activationPath } from './accounts/links.js';
import { followPath } from './follow-link.js';
import { reviewPath } from './review-link.js';

/**
 * Some letters carry a live secret: the invitation's one-time activation link, and the author's
 * private /suivi/ link in a receipt (it opens the submission without a password, for good), and a
 * reader's /relecture/ link (it opens the anonymised copy and the opinion form). The
 * outbox row needs them only until the letter is sent; after that a database dump or backup must
 * not hold them. What stays is enough for the record: who, which letter, when, and which kind of
 * link was given — the token is replaced by this marker.
 */
export const LINK_REMOVED = '[lien retiré après envoi]';

/** The letter fields that hold such a link, and the path its secret follows. */
const SECRET_LINKS: { field: string; kinds: 'all' | readonly string[]; before: string }[] = [
  { field: 'url', kinds: ['invitation'], before: activationPath('') },
  { field: 'followUrl', kinds: 'all', before: followPath('') },
  { field: 'reviewUrl', kinds: ['review-request'], before: reviewPath('') },
];

/**
 * What a payload's text holds when it may still carry a secret link: one of the links' paths and
 * not the marker (the worker redacts every link of a letter at once). A filter for the database
 * to apply, so that a sweep does not read every letter ever sent again each hour.
 */
export const MAY_HOLD_SECRET_LINKS = {
  anyOf: [...new Set(SECRET_LINKS.map((s) => s.before))],
  unlessContains: LINK_REMOVED,
} as const;

/** The link without its secret; a link of another shape is removed whole, never kept. */
function withoutSecret(link: string, before: string): string {
  const at = link.indexOf(before);
  return at < 0 ? LINK_REMOVED : `${link.slice(0, at + before.length)}${LINK_REMOVED}`;
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A letter job's payload with its secret links removed, or null when it has none (nothing to
 * write). The rest of the payload (recipient, letter kind, dates) is kept as it was.
 */
export function redactLetterSecrets(payload: JsonObject): JsonObject | null {
  const letter = payload.letter;
  if (!isObject(letter)) return null;
  const redacted: JsonObject = { ...letter };
  let changed = false;
  for (const { field, kinds, before } of SECRET_LINKS) {
    const link = letter[field];
    if (typeof link !== 'string' || link.endsWith(LINK_REMOVED)) continue;
    if (kinds !== 'all' && !kinds.includes(String(letter.kind))) continue;
    redacted[field] = withoutSecret(link, before);
    changed = true;
  }
  return changed ? { ...payload, letter: redacted } : null;
}
