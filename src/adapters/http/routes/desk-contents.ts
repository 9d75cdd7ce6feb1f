import type { FastifyInstance } from 'fastify';
import { contentsText, issueContents } from '../../../app/desk-issue-contents.js';
import { t } from '../lang.js';
import { sendPage } from '../render.js';
import { IssueContentsPage } from '../views/desk/issue-contents-page.js';
import { type DeskDeps, pageLang, staffOf } from './desk-common.js';

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
