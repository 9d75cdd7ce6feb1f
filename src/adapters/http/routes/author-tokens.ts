import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { newSecretToken } from '../../../app/accounts/secrets.js';

/**
 * The secrets of the authors' side: random tokens (private links, idempotency keys), the hash
 * under which a link is stored, and the signed, expiring draft that refers to a kept upload
 * between the check and the confirmation (the browser never sends a path or the bytes back).
 */

/**
 * The authors' tokens are the same kind of secret as the desk's one-time links (app/accounts/
 * secrets.ts): 256 random bits, base64url, only the SHA-256 stored. An e-mail receipt's link and a
 * web form's link are thus found by the same /suivi/ route.
 */
export function randomToken(): string {
  return newSecretToken().value;
}

export { hashToken as tokenHash, looksLikeToken as isTokenShaped } from '../../../app/accounts/secrets.js';

export const DRAFT_LIFETIME_MS = 2 * 60 * 60 * 1000;

const draftSchema = z.object({
  /** What the draft is for: a new submission, or a new version of one. */
  kind: z.enum(['submission', 'version']),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  name: z.string().min(1).max(200),
  byteSize: z.number().int().nonnegative(),
  /** When the upload completed (ms since the epoch): the moment the file was received. */
  uploadedAt: z.number().int(),
  expiresAt: z.number().int(),
  /** The submission's idempotency key (kind submission). */
  key: z.string().optional(),
  /** The private link the submission will get (kind submission). */
  follow: z.string().optional(),
  /** The submission this version belongs to (kind version). */
  submissionId: z.string().optional(),
});

export type Draft = z.infer<typeof draftSchema>;

/** Signed with the server's cookie secret (HMAC): a changed byte makes it worthless. */
export function signDraft(app: FastifyInstance, draft: Draft): string {
  return app.signCookie(Buffer.from(JSON.stringify(draft), 'utf8').toString('base64url'));
}

/** The draft, if the signature holds and it has not expired; null otherwise. */
export function readDraft(app: FastifyInstance, token: string | undefined, now: Date): Draft | null {
  if (!token || token.length > 4096) return null;
  const unsigned = app.unsignCookie(token);
  if (!unsigned.valid || unsigned.value === null) return null;
  try {
    const parsed = draftSchema.safeParse(
      JSON.parse(Buffer.from(unsigned.value, 'base64url').toString('utf8')),
    );
    if (!parsed.success || parsed.data.expiresAt < now.getTime()) return null;
    return parsed.data;
  } catch {
    return null;
  }
}

/**
 * Checks a CSRF token with the server's own protection (@fastify/csrf-protection), for forms whose
 * token is read by hand: a multipart form, whose token must be checked before its file is read.
 */
export function csrfTokenValid(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  token: string | undefined,
): boolean {
  const saved = request.body;
  request.body = { _csrf: token ?? '' };
  let ok = false;
  // The check answers a bad token through reply.send: a stand-in reply keeps that answer ours.
  const probe = {
    unsignCookie: (value: string) => reply.unsignCookie(value),
    send: () => probe,
  } as unknown as FastifyReply;
  try {
    app.csrfProtection(request, probe, () => {
      ok = true;
    });
  } finally {
    request.body = saved;
  }
  return ok;
}

/** The address authors are given: APPEL_PUBLIC_URL when set, else the address they used. */
export function publicBase(request: FastifyRequest, configured: string | undefined): string {
  if (configured) return configured.replace(/\/+$/, '');
  return `${request.protocol}://${request.host}`;
}
