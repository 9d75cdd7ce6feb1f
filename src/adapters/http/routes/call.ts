import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../main/context.js';
import { langOf } from '../lang.js';
import { sendPage } from '../render.js';
import { CallPage } from '../views/call-page.js';

/** The call's public page. */
export function registerCallRoutes(
  app: FastifyInstance,
  context: AppContext,
  deps: { now: () => Date },
): void {
  app.get('/', (request, reply) => {
    const lang = langOf(request);
    if ((request.query as { lang?: string }).lang === lang)
      reply.setCookie('lang', lang, { path: '/', sameSite: 'lax' });
    return sendPage(reply, CallPage({ call: context.call, lang, now: deps.now() }));
  });
}
