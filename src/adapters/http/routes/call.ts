import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../main/context.js';
import { langOf } from '../lang.js';
import { sendPage } from '../render.js';
import { CallPage } from '../views/call-page.js';

/**
 * The call's public page, and the call in force for every page: before each request (but the
 * stylesheet's) the server reads the stored call again, one single-row query, so that `context.call`
 * — which the pages and the forms read — carries an extension decided in another process.
 * Registered on the root instance, first: the hook covers every route of the server.
 */
export function registerCallRoutes(
  app: FastifyInstance,
  context: AppContext,
  deps: { now: () => Date },
): void {
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/assets/')) await context.currentCall.current();
  });
  app.get('/', (request, reply) => {
    const lang = langOf(request);
    if ((request.query as { lang?: string }).lang === lang)
      reply.setCookie('lang', lang, { path: '/', sameSite: 'lax' });
    return sendPage(reply, CallPage({ call: context.call, lang, now: deps.now() }));
  });
}
