import type { FastifyInstance } from 'fastify';
import { contentsText, issueContents } from '../../../app/desk-issue-contents.js';
import { moveInContents } from '../../../app/desk-move-in-contents.js';
import { t } from '../lang.js';
import { sendPage } from '../render.js';
import { IssueContentsPage } from '../views/desk/issue-contents-page.js';
import { type DeskDeps, field, pageLang, sendMessage, staffOf } from './desk-common.js';

/** The issue's table of contents (GET /bureau/sommaire), and as plain text for the layout. */
export function registerDeskContentsRoutes(app: FastifyInstance, deps: DeskDeps): void {
  const { context } = deps;

  app.get('/bureau/sommaire', async (request, reply) => {
    const lang = pageLang(request, reply);
    const contents = await issueContents(context.call, context.callId, context);
    reply.header('cache-control', 'no-store');
    return sendPage(
      reply,
      IssueContentsPage({
        lang,
        call: context.call,
        staff: staffOf(request),
        csrf: reply.generateCsrf(),
        path: request.url,
        contents,
      }),
    );
  });

  app.post('/bureau/sommaire/ordre', { preValidation: app.csrfProtection }, async (request, reply) => {
    const id = field(request.body, 'proposition');
    const direction = field(request.body, 'sens');
    if (direction !== 'up' && direction !== 'down') return reply.redirect('/bureau/sommaire', 303);
    const moved = await moveInContents(
      { callId: context.callId, submissionId: id, direction },
      { uow: context.intake.uow, call: context.call },
    );
    if (!moved.ok) {
      const lang = pageLang(request, reply);
      return sendMessage(request, reply, deps, 409, {
        title: t(lang, 'Ce texte n’est pas au sommaire', 'This text is not in the issue'),
        text: t(
          lang,
          'Seuls les textes placés au sommaire ont une place dans l’ordre du numéro. Le sommaire a peut-être changé depuis que vous l’avez ouvert.',
          'Only the texts placed in the issue have a place in its order. The contents may have changed since you opened them.',
        ),
        links: [{ href: '/bureau/sommaire', label: t(lang, 'Revoir le sommaire', 'See the contents again') }],
      });
    }
    return reply.redirect(`/bureau/sommaire#texte-${id}`, 303);
  });

  app.get('/bureau/sommaire.txt', async (request, reply) => {
    const lang = pageLang(request, reply);
    const { call } = context;
    const contents = await issueContents(call, context.callId, context);
    const heading = t(
      lang,
      `${call.journal} n° ${call.issue} — sommaire`,
      `${call.journal} no. ${call.issue} — contents`,
    );
    return reply
      .header('content-type', 'text/plain; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="sommaire-n${String(call.issue).replace(/[^\w-]/g, '')}.txt"`,
      )
      .header('cache-control', 'no-store')
      .send(contentsText(contents, heading));
  });
}
