import { looksLikeEmail, normaliseEmail } from '../../domain/accounts/credentials.js';
import type { Role } from '../../domain/accounts/roles.js';
import type { Call } from '../../domain/call/schema.js';
import { callFacts } from '../../domain/letters/call-facts.js';
import type { Lang, Message } from '../../domain/shared/message.js';
import type { AccountRecord, AccountStore } from '../../ports/accounts.js';
import { letterJob } from '../process-outbox.js';
import { activationPath, INVITATION_TTL_MS } from './links.js';
import { newSecretToken, newTotpSecret } from './secrets.js';

export interface Invitation {
  email: string;
  displayName: string;
  role: Role;
  /** The administrator who invites. */
  invitedBy: AccountRecord;
  /** The desk's address as people reach it ("https://appel.example.org"), for the link. */
  baseUrl: string;
  lang: Lang;
}

export type InvitationResult =
  | { ok: true; account: AccountRecord; expiresAt: Date }
  | { ok: false; problem: Message };

/**
 * Use case: invites someone to the desk. The account is created pending (no password), with a
 * fresh authenticator secret; the one-time link is stored as its hash and the invitation letter is
 * queued in the same transaction. Inviting a pending or disabled account again sends a new link
 * (the old one stops working); an active account is left alone.
 */
export async function inviteAccount(
  input: Invitation,
  deps: { accounts: AccountStore; now: () => Date; call: Call },
): Promise<InvitationResult> {
  const email = normaliseEmail(input.email);
  const displayName = input.displayName.trim().replace(/\s+/g, ' ');
  if (!looksLikeEmail(email)) {
    return {
      ok: false,
      problem: {
        fr: 'Cette adresse électronique n’est pas valide : vérifiez-la (par exemple prenom.nom@exemple.fr).',
        en: 'This e-mail address is not valid: check it (for example first.last@example.org).',
      },
    };
  }
  if (displayName === '' || displayName.length > 120) {
    return {
      ok: false,
      problem: {
        fr: 'Indiquez le nom de la personne (120 caractères au plus).',
        en: 'Give the person’s name (at most 120 characters).',
      },
    };
  }
  const now = deps.now();
  const secret = newTotpSecret();
  let account = await deps.accounts.findByEmail(email);
  if (account && account.activatedAt !== null && account.disabledAt === null) {
    return {
      ok: false,
      problem: {
        fr: 'Cette personne a déjà un compte actif.',
        en: 'This person already has an active account.',
      },
    };
  }
  if (account) await deps.accounts.resetCredentials(account.id, secret, now);
  else
    account = await deps.accounts.createAccount({
      email,
      displayName,
      role: input.role,
      totpSecret: secret,
      at: now,
    });
  if (!account) return inviteAccount(input, deps); // created by someone else meanwhile: take it again

  const token = newSecretToken();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  const letter = letterJob(
    { to: { address: email, name: account.displayName } },
    {
      kind: 'invitation',
      lang: input.lang,
      call: callFacts(deps.call),
      greetingName: account.displayName,
      invitedBy: input.invitedBy.displayName,
      role: account.role,
      url: `${input.baseUrl.replace(/\/+$/, '')}${activationPath(token.value)}`,
      expiresAt: expiresAt.toISOString(),
    },
    `invitation:${token.hash}`,
  );
  await deps.accounts.issueToken({
    tokenHash: token.hash,
    accountId: account.id,
    kind: 'invitation',
    createdBy: input.invitedBy.id,
    at: now,
    expiresAt,
    outbox: [letter],
  });
  return { ok: true, account, expiresAt };
}
