import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../main/context.js';
import type { PasswordHasher } from '../../../ports/accounts.js';
import { argon2Hasher } from '../auth/argon2-hasher.js';
import { Attempts } from '../auth/attempts.js';
import { installGate } from '../auth/gate.js';
import type { ServerOptions } from '../server.js';
import { registerDeskAccountRoutes } from './desk-accounts.js';
import { registerDeskAuthRoutes } from './desk-auth.js';
import { registerDeskCallRoutes } from './desk-call.js';
import type { DeskDeps } from './desk-common.js';
import { registerDeskContentsRoutes } from './desk-contents.js';
import { registerDeskContractRoutes } from './desk-contract.js';
import { registerDeskDashboardRoutes } from './desk-dashboard.js';
import { registerDeskIssueFolderRoute } from './desk-issue-folder.js';
import { registerDeskNoteRoutes } from './desk-notes.js';
import { registerDeskReviewRoutes } from './desk-reviews.js';
import { registerDeskSubmissionRoutes } from './desk-submission.js';

export interface DeskOptions extends ServerOptions {
  /** Sign-in attempts per minute from one client address (default 5). */
  signInPerAddress?: number;
  /** Sign-in attempts per minute for one account address (default 5). */
  signInPerAccount?: number;
  hasher?: PasswordHasher;
  /** The desk's public address (behind a proxy); APPEL_PUBLIC_URL. */
  publicUrl?: string;
}

const CSS = readFileSync(new URL('../assets/desk-bureau.css', import.meta.url));

/**
 * The coordinators' and committee's desk: the authorisation gate (for every route of the
 * server, the authors' and the call's included), sign-in, and the desk's pages.
 */
export function registerDeskRoutes(
  app: FastifyInstance,
  context: AppContext,
  options: DeskOptions = {},
): void {
  const now = options.now ?? (() => new Date());
  const publicUrl = options.publicUrl ?? process.env.APPEL_PUBLIC_URL;
  const deps: DeskDeps = {
    context,
    accounts: context.accounts,
    hasher: options.hasher ?? argon2Hasher(),
    now,
    attempts: {
      byAddress: new Attempts(context.signInAttempts, 'address', {
        max: options.signInPerAddress ?? 5,
        windowMs: 60_000,
        secret: options.cookieSecret,
      }),
      byAccount: new Attempts(context.signInAttempts, 'account', {
        max: options.signInPerAccount ?? 5,
        windowMs: 60_000,
        secret: options.cookieSecret,
      }),
    },
    ...(publicUrl ? { publicUrl } : {}),
  };
  installGate(app, { accounts: context.accounts, now, journal: () => context.call.journal });
  app.get('/assets/desk-bureau.css', (_request, reply) =>
    reply
      .header('content-type', 'text/css; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(CSS),
  );
  registerDeskAuthRoutes(app, deps);
  registerDeskDashboardRoutes(app, deps);
  registerDeskSubmissionRoutes(app, deps);
  registerDeskReviewRoutes(app, deps);
  registerDeskNoteRoutes(app, deps);
  registerDeskContractRoutes(app, deps);
  registerDeskIssueFolderRoute(app, deps);
  registerDeskCallRoutes(app, deps);
  registerDeskContentsRoutes(app, deps);
  registerDeskAccountRoutes(app, deps);
}
