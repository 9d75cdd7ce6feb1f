/** Where a one-time link (invitation, first administrator) leads on the desk. */
export function activationPath(token: string): string {
  return `/compte/activation/${token}`;
}

/** An invitation stays usable a week; the first administrator's link half an hour. */
export const INVITATION_TTL_MS = 7 * 24 * 3_600_000;
export const BOOTSTRAP_TTL_MS = 30 * 60_000;
