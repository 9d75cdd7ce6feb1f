import { looksLikeEmail, normaliseEmail } from '../domain/accounts/credentials.js';
import type { Call } from '../domain/call/schema.js';
import type { Lang, Message } from '../domain/shared/message.js';
import type { UnitOfWork } from '../ports/message-ledger.js';
import { queueNewFollowLink } from './follow-link-letter.js';

/** A person with more proposals than this to one call is rare; the rest wait for another request. */
export const MAX_LINKS_PER_REQUEST = 5;

export interface LinkRequest {
  /** The address as typed: the contact person's, as given with the submission. */
  email: string;
  lang: Lang;
}

/**
 * `sent` is for the tests and the logs' counts only: the page must say the same thing whether
 * or not a submission was found, or it would tell anyone which addresses sent a proposal.
 */
export type LinkRequestResult = { ok: true; sent: number } | { ok: false; problem: Message };

export const EMAIL_NOT_VALID: Message = {
  fr: 'Cette adresse électronique n’est pas valide : vérifiez-la (par exemple prenom.nom@exemple.fr).',
  en: 'This e-mail address is not valid: check it (for example first.last@example.org).',
};

/** The address as compared and counted (trimmed, lower case), or null when it cannot be one. */
export function requestedAddress(typed: string): string | null {
  const email = normaliseEmail(typed);
  return looksLikeEmail(email) ? email : null;
}

/**
 * Use case: someone lost their private link and asks for it with the contact person's address.
 * For each of the call's submissions whose contact has that address (the most recent first, at
 * most MAX_LINKS_PER_REQUEST), in one transaction: a new link (only its hash stored), its letter
 * queued to the address as stored, and an audit event without the address. The links sent
 * before keep working: a lost link is not a stolen one, and the letter goes to the contact only.
 */
export async function requestFollowLink(
  input: LinkRequest,
  deps: { uow: UnitOfWork; call: Call; callId: string; publicBase: string },
): Promise<LinkRequestResult> {
  const email = requestedAddress(input.email);
  if (email === null) return { ok: false, problem: EMAIL_NOT_VALID };
  const sent = await deps.uow.run(async (s) => {
    const found = await s.authorLinks.findForContact(deps.callId, email, MAX_LINKS_PER_REQUEST);
    for (const submission of found) {
      await queueNewFollowLink(s, submission, {
        call: deps.call,
        publicBase: deps.publicBase,
        lang: input.lang,
        actor: { kind: 'system' },
        action: 'link.sent_again',
      });
    }
    return found.length;
  });
  return { ok: true, sent };
}
