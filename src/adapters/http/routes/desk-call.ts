import type { FastifyInstance } from 'fastify';
import { extendDeadline } from '../../../app/desk-extend-deadline.js';
import { sendPage } from '../render.js';
import { CallSettingsPage } from '../views/desk/call-settings.js';
import { type DeskDeps, field, pageLang, staffOf } from './desk-common.js';

/**
 * The call from the desk: its deadline and extensions. An extension is written to the stored call
 * first (it survives a restart: openContext keeps the desk's extensions over the call file), then
 * replaces the call this process serves, so the public page and the intake of this very process
 * use it at once. Reading the call from the store on every request would also reach other
 * processes, at a query per page; one process serves the embedded default, so we update in place.
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
      { calls: context.calls, call: context.call, now: deps.now },
    );
    if (result.ok) {
      context.call = result.call;
      context.intake.call = result.call;
      return reply.redirect('/bureau/appel?prolonge=1', 303);
    }
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
