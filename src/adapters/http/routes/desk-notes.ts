import type { FastifyInstance } from 'fastify';
import { removeEditorialNote } from '../../../app/desk-remove-note.js';
import { writeEditorialNote } from '../../../app/desk-write-note.js';
import { lifecycleActorOf } from '../../../domain/accounts/roles.js';
import { noteProblemMessage } from '../../../domain/editorial/notes.js';
import { t } from '../lang.js';
import { type DeskDeps, field, pageLang, sendMessage, staffOf } from './desk-common.js';
import { sendSubmissionNotFound, sendSubmissionPage, submissionInCall } from './desk-submission-page.js';

/** What a browser may post as a note: the form's cap with room for its line breaks, no more. */
const MAX_POSTED_CHARS = 20_000;

/**
 * The desk's notes on a submission: written by anyone signed in to the desk, taken back by their
 * writer. Back to the notes with a notice, or the page again with the words typed and the problem.
 */
export function registerDeskNoteRoutes(app: FastifyInstance, deps: DeskDeps): void {
  const { context } = deps;

  app.post(
    '/bureau/propositions/:id/notes',
    { preValidation: app.csrfProtection },
    async (request, reply) => {
      const staff = staffOf(request);
      const id = (request.params as { id: string }).id;
      const text = field(request.body, 'note').slice(0, MAX_POSTED_CHARS);
      const result = await writeEditorialNote(
        {
          submissionId: id,
          callId: context.callId,
          accountId: staff.id,
          actor: lifecycleActorOf(staff.role) as 'coordinator' | 'committee',
          text,
        },
        { uow: context.intake.uow },
      );
      if (result.ok) return reply.redirect(`/bureau/propositions/${id}?note=ecrite#notes`, 303);
      const record = await submissionInCall(deps, id);
      if (result.reason === 'not-found' || !record) return sendSubmissionNotFound(request, reply, deps);
      const problem = noteProblemMessage(result.problem, result.length);
      return sendSubmissionPage(request, reply, deps, record, { noteForm: { problem, typed: text } }, 422);
    },
  );

  app.post(
    '/bureau/propositions/:id/notes/:note/retirer',
    { preValidation: app.csrfProtection },
    async (request, reply) => {
      const lang = pageLang(request, reply);
      const staff = staffOf(request);
      const params = request.params as { id: string; note: string };
      const record = await submissionInCall(deps, params.id);
      if (!record) return sendSubmissionNotFound(request, reply, deps);
      const result = await removeEditorialNote(
        {
          submissionId: record.id,
          noteId: params.note,
          accountId: staff.id,
          actor: lifecycleActorOf(staff.role) as 'coordinator' | 'committee',
        },
        { uow: context.intake.uow },
      );
      if (result.ok) return reply.redirect(`/bureau/propositions/${record.id}?note=retiree#notes`, 303);
      return sendMessage(request, reply, deps, result.reason === 'not-found' ? 404 : 403, {
        title: t(lang, 'La note n’a pas été retirée', 'The note was not taken back'),
        text:
          result.reason === 'not-found'
            ? t(
                lang,
                'Cette note n’existe pas sur cette proposition, ou elle est déjà retirée.',
                'This note does not exist on this submission, or it was already taken back.',
              )
            : t(
                lang,
                'Seule la personne qui a écrit une note peut la retirer. Pour la contredire, écrivez une note à votre tour.',
                'Only the person who wrote a note can take it back. To disagree, write a note of your own.',
              ),
        links: [
          {
            href: `/bureau/propositions/${record.id}#notes`,
            label: t(lang, 'Revoir la proposition', 'See the submission again'),
          },
        ],
      });
    },
  );
}
