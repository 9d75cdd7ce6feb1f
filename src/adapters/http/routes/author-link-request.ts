import type { FastifyInstance } from 'fastify';
import { EMAIL_NOT_VALID, requestedAddress, requestFollowLink } from '../../../app/author-request-link.js';
import { LINK_REQUEST_PATH } from '../../../app/follow-link.js';
import type { AppContext } from '../../../main/context.js';
import type { Attempts } from '../auth/attempts.js';
import { langOf } from '../lang.js';
import { sendPage } from '../render.js';
import {
  LinkRequestPage,
  LinkRequestSentPage,
  LinkRequestTooManyPage,
} from '../views/author/link-request-page.js';
import { ExpiredFormPage } from '../views/author/notice-page.js';
import { readPostedForm } from './author-multipart.js';
import { publicBase } from './author-tokens.js';

export interface LinkRequestDeps {
  now: () => Date;
  publicUrl: string | undefined;
  /** Requests from one client address (every instance shares the count: it is in the database). */
  perClient: Attempts;
  /** Requests for one e-mail address: past it, the page answers the same and nothing is sent. */
  perEmail: Attempts;
}

/** Longer than any address (254) with room for spaces around it; the rest is not read. */
const MAX_TYPED = 320;

/**
 * « Retrouver mon lien de suivi » (GET/POST /suivi): a lost private link sent again to the
 * contact person's address. The answer is the same whether a proposal was found or not, and
 * whether the address's own limit was reached or not: the page tells nobody who sent a proposal.
 */
export function registerLinkRequestRoutes(app: FastifyInstance, context: AppContext, deps: LinkRequestDeps) {
  app.get(LINK_REQUEST_PATH, (request, reply) => {
    const lang = langOf(request);
    reply.header('cache-control', 'no-store');
    return sendPage(reply, LinkRequestPage({ call: context.call, lang, csrf: reply.generateCsrf() }));
  });

  app.post(LINK_REQUEST_PATH, async (request, reply) => {
    const lang = langOf(request);
    reply.header('cache-control', 'no-store');
    const form = await readPostedForm(app, request, reply);
    if (!form.csrfOk)
      return sendPage(reply, ExpiredFormPage({ call: context.call, lang, path: LINK_REQUEST_PATH }), 403);
    const email = (form.fields.get('courriel') ?? '').slice(0, MAX_TYPED).trim();
    const again = (status: number) =>
      sendPage(
        reply,
        LinkRequestPage({
          call: context.call,
          lang,
          csrf: reply.generateCsrf(),
          email,
          problem: EMAIL_NOT_VALID,
        }),
        status,
      );
    // A typing mistake is answered before anything is counted: it must not use up the limits.
    const address = requestedAddress(email);
    if (address === null) return again(422);

    const now = deps.now();
    const client = await deps.perClient.take(request.ip, now);
    if (!client.allowed) {
      reply.header('retry-after', String(client.retryAfterSeconds));
      const minutes = Math.max(1, Math.ceil(client.retryAfterSeconds / 60));
      return sendPage(reply, LinkRequestTooManyPage({ call: context.call, lang, minutes }), 429);
    }
    const sent = LinkRequestSentPage({ call: context.call, lang, email });
    const forAddress = await deps.perEmail.take(address, now);
    if (!forAddress.allowed) return sendPage(reply, sent);
    const result = await requestFollowLink(
      { email, lang },
      {
        uow: context.intake.uow,
        call: context.call,
        callId: context.callId,
        publicBase: publicBase(request, deps.publicUrl),
      },
    );
    if (!result.ok) return again(422);
    return sendPage(reply, sent);
  });
}
