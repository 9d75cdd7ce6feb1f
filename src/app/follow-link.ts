import { newSecretToken } from './accounts/secrets.js';

/**
 * The author's private link, /suivi/<token>, as every channel makes it. The token is the same kind
 * of secret as the desk's one-time links (256 random bits, base64url, only its SHA-256 stored), so
 * the desk's /suivi/ route finds it whichever channel created it.
 */

export function followPath(token: string): string {
  return `/suivi/${token}`;
}

/** The page that sends a lost private link again: an address without any secret. */
export const LINK_REQUEST_PATH = '/suivi';

/** The address authors are given, on the desk's public address (APPEL_PUBLIC_URL). */
export function followUrl(publicBase: string, token: string): string {
  return onDesk(publicBase, followPath(token));
}

/** The lost-link page on the desk's public address, for letters. */
export function linkRequestUrl(publicBase: string): string {
  return onDesk(publicBase, LINK_REQUEST_PATH);
}

/** A path of the desk on its public address (APPEL_PUBLIC_URL), for letters. */
export function onDesk(publicBase: string, path: string): string {
  return `${publicBase.replace(/\/+$/, '')}${path}`;
}

/**
 * A new private link: what `submitManuscript` stores (the hash) and puts in the receipt (the
 * address). The token itself exists only inside the address: never log either.
 */
export function newFollowLink(publicBase: string): { tokenHash: string; url: string } {
  const token = newSecretToken();
  return { tokenHash: token.hash, url: followUrl(publicBase, token.value) };
}
