import { newSecretToken } from './accounts/secrets.js';
import { onDesk } from './follow-link.js';

/**
 * A reader's private link, /relecture/<token>: the same kind of secret as the authors' links
 * (256 random bits, base64url, only its SHA-256 stored). It opens one review and nothing else.
 */
export function reviewPath(token: string): string {
  return `/relecture/${token}`;
}

/** A new reader's link: the hash to store, the address for the letter. Never log either. */
export function newReviewLink(publicBase: string): { tokenHash: string; url: string } {
  const token = newSecretToken();
  return { tokenHash: token.hash, url: onDesk(publicBase, reviewPath(token.value)) };
}
