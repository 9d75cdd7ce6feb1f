import type { FastifyInstance } from 'fastify';
import { extendDeadline } from '../../../app/desk-extend-deadline.js';
import type { Call } from '../../../domain/call/schema.js';
import { isAppError } from '../../../domain/shared/errors.js';
import { statusOf } from '../error-status.js';
import { say, t } from '../lang.js';
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
    const again = (status: number, problem: string, call: Call) =>
      sendPage(
        reply,
        CallSettingsPage({
          lang,
          call,
          staff,
          csrf: reply.generateCsrf(),
          path: '/bureau/appel',
          now: deps.now(),
          canExtend: true,
          date,
          problem,
        }),
        status,
      );
    try {
      const result = await extendDeadline(
        { date },
        { calls: context.calls, currentCall: context.currentCall, now: deps.now },
      );
      if (result.ok) return reply.redirect('/bureau/appel?prolonge=1', 303);
      return again(400, say(result.problem, lang), context.call);
    } catch (e) {
      if (!isAppError(e) || e.code !== 'CALL_CHANGED') throw e;
      // The row kept moving under this decision: the form comes back over the call as stored now
      // (another coordinator's extension included), the date typed kept, to check and send again.
      const fresh = await context.currentCall.current();
      const problem = `${say(e.text, lang)} ${t(
        lang,
        'La date limite ci-dessus est celle enregistrée à l’instant : vérifiez-la, puis recommencez si besoin.',
        'The deadline above is the one stored just now: check it, then try again if needed.',
      )}`;
      return again(statusOf(e.code), problem, fresh);
    }
  });
}
