import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { activateAccount, pendingActivation } from '../../../app/accounts/activate-account.js';
import { closeSession, openSession } from '../../../app/accounts/sessions.js';
import { signIn } from '../../../app/accounts/sign-in.js';
import { normaliseEmail } from '../../../domain/accounts/credentials.js';
import { formatInstant } from '../../../domain/call/format-date.js';
import type { Message } from '../../../domain/shared/message.js';
import type { AccountRecord } from '../../../ports/accounts.js';
import { SESSION_COOKIE } from '../auth/gate.js';
import { t } from '../lang.js';
import { sendPage } from '../render.js';
import { ActivationPage } from '../views/desk/activation.js';
import { SignInPage } from '../views/desk/sign-in.js';
import { type DeskDeps, field, overHttps, pageLang, safeNext, sendMessage } from './desk-common.js';

/** The name authenticator apps show beside the code. */
export function totpIssuer(deps: DeskDeps): string {
  return `${deps.context.call.journal} (appel)`;
}

async function startSession(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: DeskDeps,
  account: AccountRecord,
) {
  // A new random id at every sign-in: a session id known before signing in is worth nothing after.
  const previous = request.cookies[SESSION_COOKIE];
  if (previous) await closeSession(previous, deps);
  const session = await openSession(account, deps);
  // No Expires: the cookie ends with the browser (shared office computers); the server ends the
  // session anyway after a working day, or two idle hours.
  reply.setCookie(SESSION_COOKIE, session.value, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: overHttps(request, deps),
  });
}

/** Signing in and out, and the one-time links that activate an account. */
export function registerDeskAuthRoutes(app: FastifyInstance, deps: DeskDeps): void {
  app.get('/connexion', (request, reply) => {
    const lang = pageLang(request, reply);
    const next = safeNext((request.query as Record<string, unknown>).suite);
    if (request.staff) return reply.redirect(next, 302);
    return sendPage(
      reply,
      SignInPage({ lang, journal: deps.context.call.journal, csrf: reply.generateCsrf(), next }),
    );
  });

  app.post('/connexion', { preValidation: app.csrfProtection }, async (request, reply) => {
    const lang = pageLang(request, reply);
    const email = field(request.body, 'email');
    const password = field(request.body, 'password');
    const code = field(request.body, 'code');
    const next = safeNext(field(request.body, 'suite'));
    const page = (props: { refused?: boolean; missing?: boolean }, status: number) =>
      sendPage(
        reply,
        SignInPage({
          lang,
          journal: deps.context.call.journal,
          csrf: reply.generateCsrf(),
          next,
          email,
          ...props,
        }),
        status,
      );
    if (email.trim() === '' || password === '' || code.trim() === '') return page({ missing: true }, 400);
    // Counted in the database, shared by every instance; request.ip is the client's address as
    // the proxy reports it when APPEL_TRUST_PROXY names the proxy, else the connection's.
    const now = deps.now();
    const verdicts = [
      await deps.attempts.byAddress.take(request.ip, now),
      await deps.attempts.byAccount.take(normaliseEmail(email), now),
    ];
    const waits = verdicts.map((v) => (v.allowed ? 0 : v.retryAfterSeconds));
    if (waits.some((w) => w > 0)) {
      const wait = Math.max(...waits);
      reply.header('retry-after', String(wait));
      return sendMessage(request, reply, deps, 429, {
        title: t(lang, 'Trop de tentatives', 'Too many attempts'),
        text: t(
          lang,
          `Trop de tentatives de connexion en peu de temps. Attendez ${wait} secondes, puis recommencez.`,
          `Too many sign-in attempts in a short time. Wait ${wait} seconds, then try again.`,
        ),
        links: [{ href: '/connexion', label: t(lang, 'Revenir à la connexion', 'Back to sign-in') }],
      });
    }
    const result = await signIn({ email, password, code }, deps);
    if (!result.ok) return page({ refused: true }, 401);
    await startSession(request, reply, deps, result.account);
    return reply.redirect(next, 303);
  });

  app.post('/deconnexion', { preValidation: app.csrfProtection }, async (request, reply) => {
    const value = request.cookies[SESSION_COOKIE];
    if (value) await closeSession(value, deps);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/connexion', 303);
  });

  const linkGone = (request: FastifyRequest, reply: FastifyReply, lang: 'fr' | 'en') =>
    sendMessage(request, reply, deps, 404, {
      title: t(lang, 'Ce lien n’est plus valable', 'This link is no longer valid'),
      text: t(
        lang,
        'Le lien a déjà servi, il a expiré, ou une invitation plus récente l’a remplacé. Demandez une nouvelle invitation à un administrateur du bureau.',
        'The link has been used, has expired, or a newer invitation replaced it. Ask an administrator of the desk for a new invitation.',
      ),
      links: [{ href: '/connexion', label: t(lang, 'Aller à la connexion', 'Go to sign-in') }],
    });

  /** The one-time link's page: the secret to enter in the app, the password, the first code. */
  const activationPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    problems?: { password?: Message; code?: Message },
  ) => {
    const lang = pageLang(request, reply);
    const { token } = request.params as { token: string };
    const pending = await pendingActivation(token, deps, totpIssuer(deps));
    if (!pending) return linkGone(request, reply, lang);
    return sendPage(
      reply,
      ActivationPage({
        lang,
        journal: deps.context.call.journal,
        csrf: reply.generateCsrf(),
        path: `/compte/activation/${token}`,
        email: pending.account.email,
        displayName: pending.account.displayName,
        role: pending.account.role,
        secret: pending.secret,
        uri: pending.uri,
        expires: formatInstant(Date.parse(pending.link.expiresAt), deps.context.call.deadline.timeZone, lang),
        ...(problems ? { problems } : {}),
      }),
      problems ? 400 : 200,
    );
  };

  app.get('/compte/activation/:token', (request, reply) => activationPage(request, reply));

  app.post('/compte/activation/:token', { preValidation: app.csrfProtection }, async (request, reply) => {
    const { token } = request.params as { token: string };
    const form = {
      password: field(request.body, 'password'),
      passwordAgain: field(request.body, 'passwordAgain'),
      code: field(request.body, 'code'),
    };
    const result = await activateAccount(token, form, deps, totpIssuer(deps));
    if (result.ok) {
      await startSession(request, reply, deps, result.account);
      return reply.redirect('/bureau', 303);
    }
    if (result.reason === 'link-invalid') return linkGone(request, reply, pageLang(request, reply));
    return activationPage(request, reply, {
      ...(result.password ? { password: result.password } : {}),
      ...(result.code ? { code: result.code } : {}),
    });
  });
}
