import type { FastifyInstance } from 'fastify';
import { extendDeadline } from '../../../app/desk-extend-deadline.js';
import { sendPage } from '../render.js';
import { CallSettingsPage } from '../views/desk/call-settings.js';
import { type DeskDeps, field, pageLang, staffOf } from './desk-common.js';

/**
 * The call from the desk: its deadline and extensions. An extension is added to the call as stored
 * now (so that one decided meanwhile in another process is kept, not overwritten) and written to
 * the calls table, where every process reads the call in force (the server before each request,
 * the e-mail intake before each message); it survives a restart (openContext keeps the desk's
 * extensions over the call file).
 */
export function registerDeskCallRoutes(app: FastifyInstance, deps: DeskDeps): void {
  const { context } = deps;

  app.get('/bureau/appel', (request, reply) => {
    const lang = pageLang(request, reply);
    const staff = staffOf(request);
    return sendPage(
      reply,
      CallSettingsPage({
        lang,
        call: context.call,
        staff,
        csrf: reply.generateCsrf(),
        path: request.url,
        now: deps.now(),
        canExtend: staff.role !== 'committee',
        extended: (request.query as { prolonge?: string }).prolonge === '1',
      }),
    );
  });

  app.post('/bureau/appel/prolongation', { preValidation: app.csrfProtection }, async (request, reply) => {
    const lang = pageLang(request, reply);
    const staff = staffOf(request);
    const date = field(request.body, 'date');
    const result = await extendDeadline(
      { date },
      { calls: context.calls, currentCall: context.currentCall, now: deps.now },
    );
    if (result.ok) return reply.redirect('/bureau/appel?prolonge=1', 303);
    return sendPage(
      reply,
      CallSettingsPage({
        lang,
        call: context.call,
        staff,
        csrf: reply.generateCsrf(),
        path: '/bureau/appel',
        now: deps.now(),
        canExtend: true,
        date,
        problem: result.problem[lang],
      }),
      400,
    );
  });
}
