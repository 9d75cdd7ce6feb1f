import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { closeSession, readSession } from '../../../app/accounts/sessions.js';
import { ruleFor } from '../../../domain/accounts/authorisation.js';
import type { AccountRecord, AccountStore } from '../../../ports/accounts.js';
import { langOf, t } from '../lang.js';
import { sendPage } from '../render.js';
import { DeskMessagePage } from '../views/desk/layout.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person of the desk, or null (authors never sign in). */
    staff: { account: AccountRecord; session: string } | null;
  }
}

export const SESSION_COOKIE = 'appel_bureau';

export interface GateDeps {
  accounts: AccountStore;
  now: () => Date;
  journal: () => string;
}

/**
 * Enforces the authorisation matrix (domain/accounts/authorisation.ts) on EVERY request, before
 * the body is read: the route's rule is looked up by its registered pattern; a route the matrix
 * does not name is refused; a session route needs a live session whose role the rule allows.
 * Link routes (the authors' private link, one-time links) go through: the route checks its link.
 */
export function installGate(app: FastifyInstance, deps: GateDeps): void {
  app.decorateRequest('staff', null);
  app.addHook('onRequest', async (request, reply) => {
    const route = request.routeOptions.url;
    if (route === undefined) return; // no such route: the not-found handler answers
    const rule = ruleFor(request.method, route);
    if (!rule) return refuse(request, reply, 403, deps);
    if (route.startsWith('/assets/')) return; // no session needed, no database query per style sheet
    // Desk pages hold personal data and one-time secrets: never kept by a browser or a proxy.
    if (rule.proof === 'session' || rule.proof === 'token' || route === '/connexion')
      reply.header('cache-control', 'no-store');
    const value = request.cookies[SESSION_COOKIE];
    if (value) {
      const found = await readSession(value, deps);
      if (found) request.staff = { account: found.account, session: value };
      else {
        await closeSession(value, deps);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
    }
    if (rule.proof !== 'session') return;
    if (!request.staff) {
      if (request.method === 'GET' || request.method === 'HEAD') {
        return reply.redirect(`/connexion?suite=${encodeURIComponent(request.url)}`, 302);
      }
      return refuse(request, reply, 401, deps);
    }
    if (!rule.roles?.includes(request.staff.account.role)) return refuse(request, reply, 403, deps);
  });
}

function refuse(request: FastifyRequest, reply: FastifyReply, status: 401 | 403, deps: GateDeps) {
  const lang = langOf(request);
  const signedIn = request.staff !== null;
  return sendPage(
    reply,
    DeskMessagePage({
      lang,
      journal: deps.journal(),
      path: '/bureau',
      staff: null,
      title:
        status === 401
          ? t(lang, 'Connectez-vous d’abord', 'Sign in first')
          : t(lang, 'Accès refusé', 'Access refused'),
      text:
        status === 401
          ? t(
              lang,
              'Cette action est réservée aux personnes connectées au bureau de l’appel.',
              'This action is for people signed in to the call desk.',
            )
          : signedIn
            ? t(
                lang,
                'Votre rôle ne donne pas accès à cette page ou à cette action. Si vous en avez besoin, demandez-le à un administrateur.',
                'Your role does not give access to this page or action. If you need it, ask an administrator.',
              )
            : t(lang, 'Cette page n’est pas accessible.', 'This page is not available.'),
      links: [
        signedIn
          ? { href: '/bureau', label: t(lang, 'Retour au tableau des propositions', 'Back to the dashboard') }
          : { href: '/connexion', label: t(lang, 'Se connecter', 'Sign in') },
      ],
    }),
    status,
  );
}
