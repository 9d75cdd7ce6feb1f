import { readFileSync } from 'node:fs';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { isAppError } from '../../domain/shared/errors.js';
import type { AppContext } from '../../main/context.js';
import { LocalDraftAnalyses } from '../files/draft-analyses.js';
import { Attempts } from './auth/attempts.js';
import { statusOf } from './error-status.js';
import { langOf } from './lang.js';
import { sendPage } from './render.js';
import { registerAuthorRoutes } from './routes/author-submit.js';
import { registerCallRoutes } from './routes/call.js';
import { registerDeskRoutes } from './routes/desk-register.js';
import { REVIEW_FORM_BYTES, registerReviewerRoutes } from './routes/reviewer.js';
import type { TrustProxy } from './trust-proxy.js';
import { ErrorPage } from './views/error-page.js';

export interface ServerOptions {
  /** Upload cap for one manuscript (bytes). */
  maxUploadBytes?: number;
  /**
   * Secret for signed cookies; random per process when absent (sessions then end on restart). It
   * also keys the hashes under which sign-in attempts are counted (auth/attempts.ts).
   */
  cookieSecret?: string;
  /**
   * Requests per minute and address, all routes (sign-in and links have their own, lower caps).
   * Counted by @fastify/rate-limit in this process's memory, as is the private links' cap
   * (author-link.ts): with several instances each allows this many. They guard the process
   * against floods; the sign-in limits, which guard accounts, are counted in the database and
   * shared by every instance (auth/attempts.ts).
   */
  rateLimitPerMinute?: number;
  /**
   * Whom to believe about the client's address, protocol and host (X-Forwarded-*): nobody by
   * default; APPEL_TRUST_PROXY behind a reverse proxy (trust-proxy.ts). Without it every client
   * has the proxy's address, and one person's attempts would lock everyone out.
   */
  trustProxy?: TrustProxy;
  /**
   * Lost private links asked for again (GET/POST /suivi), counted in the database: per client
   * address (default 10 an hour) and per e-mail address (default 3 an hour).
   */
  linkRequests?: { perClientPerHour?: number; perEmailPerHour?: number };
  now?: () => Date;
}

const CSS = readFileSync(new URL('./assets/appel.css', import.meta.url));

/**
 * The web desk: server-rendered pages that work without JavaScript. Security headers with a CSP
 * that forbids inline script and style, CSRF tokens on every form, an Origin check, rate limits,
 * and explicit multipart limits (Fastify's body limit does not cover multipart).
 */
export async function buildServer(
  context: AppContext,
  options: ServerOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, trustProxy: options.trustProxy ?? false, bodyLimit: 256 * 1024 });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    // same-origin (not no-referrer): with no-referrer, browsers post our own forms with « Origin: null ».
    referrerPolicy: { policy: 'same-origin' },
  });
  await app.register(cookie, { secret: options.cookieSecret ?? cryptoSecret() });
  await app.register(csrf, { cookieOpts: { signed: true, sameSite: 'strict', httpOnly: true, path: '/' } });
  await app.register(formbody, { bodyLimit: 64 * 1024 });
  await app.register(multipart, {
    limits: {
      fileSize: options.maxUploadBytes ?? 20 * 1024 * 1024,
      files: 1,
      fields: 60,
      fieldSize: 16 * 1024,
      parts: 64,
      headerPairs: 100,
    },
  });
  await app.register(rateLimit, { max: options.rateLimitPerMinute ?? 300, timeWindow: '1 minute' });

  app.addHook('onRequest', async (request, reply) => {
    if (request.method === 'GET' || request.method === 'HEAD') return;
    // Same-origin only: a form posted from another site is refused before anything else.
    const origin = request.headers.origin;
    if (origin && originHost(origin) !== request.headers.host) reply.code(403).send('Forbidden origin');
  });

  app.get('/assets/appel.css', (_request, reply) =>
    reply
      .header('content-type', 'text/css; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(CSS),
  );

  app.setErrorHandler((error, request, reply) => {
    const lang = langOf(request);
    if (isAppError(error)) {
      return sendPage(
        reply,
        ErrorPage({ lang, journal: context.call.journal, message: error.text, fix: error.fix }),
        statusOf(error.code),
      );
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    const message =
      status === 429
        ? { fr: 'Trop de demandes en peu de temps.', en: 'Too many requests in a short time.' }
        : status === 413
          ? { fr: 'Le fichier est trop volumineux.', en: 'The file is too large.' }
          : status < 500
            ? { fr: 'La demande n’a pas pu être traitée.', en: 'The request could not be handled.' }
            : { fr: 'Une erreur s’est produite de notre côté.', en: 'Something went wrong on our side.' };
    const fix =
      status === 429
        ? { fr: 'Attendez une minute, puis recommencez.', en: 'Wait a minute, then try again.' }
        : {
            fr: 'Revenez à la page précédente et recommencez.',
            en: 'Go back to the previous page and try again.',
          };
    return sendPage(reply, ErrorPage({ lang, journal: context.call.journal, message, fix }), status);
  });
  app.setNotFoundHandler((request, reply) =>
    sendPage(
      reply,
      ErrorPage({
        lang: langOf(request),
        journal: context.call.journal,
        message: { fr: 'Cette page n’existe pas.', en: 'This page does not exist.' },
        fix: { fr: 'Revenez à la page de l’appel.', en: 'Go back to the call’s page.' },
      }),
      404,
    ),
  );

  // The postcode list (≈ 8 MB of JSON, read once per process) is read before the server takes
  // requests, not while the first author waits. Should it fail, the first check fails as before.
  app.addHook('onReady', async () => {
    try {
      context.intake.postcodes?.communesFor('75001');
    } catch {}
  });

  registerCallRoutes(app, context, { now: options.now ?? (() => new Date()) });
  registerDeskRoutes(app, context, options);
  registerAuthorRoutes(app, context, {
    now: options.now ?? (() => new Date()),
    analyses: new LocalDraftAnalyses(context.folders.drafts),
    linkRequests: linkRequestAttempts(context, options),
  });
  // The readers' opinion form is longer than the site's other forms: its own body limit, in its
  // own context (Fastify keeps a content-type parser to the context that registers it).
  await app.register(async (readers) => {
    readers.removeContentTypeParser('application/x-www-form-urlencoded');
    await readers.register(formbody, { bodyLimit: REVIEW_FORM_BYTES });
    registerReviewerRoutes(readers, context, { publicUrl: process.env.APPEL_PUBLIC_URL });
  });
  return app;
}

const HOUR_MS = 60 * 60 * 1000;

function linkRequestAttempts(context: AppContext, options: ServerOptions) {
  const limit = (max: number) => ({ max, windowMs: HOUR_MS, secret: options.cookieSecret });
  return {
    perClient: new Attempts(
      context.signInAttempts,
      'link-request-address',
      limit(options.linkRequests?.perClientPerHour ?? 10),
    ),
    perEmail: new Attempts(
      context.signInAttempts,
      'link-request-email',
      limit(options.linkRequests?.perEmailPerHour ?? 3),
    ),
  };
}

/** The host of an Origin header; null for « null » or anything unparsable (then refused). */
function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

function cryptoSecret(): string {
  return globalThis.crypto.randomUUID() + globalThis.crypto.randomUUID();
}
