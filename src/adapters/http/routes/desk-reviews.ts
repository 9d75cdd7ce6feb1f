import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { askForReview } from '../../../app/desk-ask-review.js';
import { cancelReview } from '../../../app/desk-cancel-review.js';
import { remindReviewer } from '../../../app/desk-remind-reviewer.js';
import { openReviewFileForDesk } from '../../../app/open-review-file.js';
import { copyForReader } from '../../../app/reviewer-copy.js';
import { localDateOf } from '../../../domain/call/time-zone.js';
import type { Message } from '../../../domain/shared/message.js';
import { msg } from '../../../domain/shared/typography.js';
import type { AccountRecord } from '../../../ports/accounts.js';
import { t } from '../lang.js';
import type { ReviewNotice } from '../views/desk/reviews-section.js';
import { baseUrl, type DeskDeps, field, pageLang, sendMessage, staffOf } from './desk-common.js';
import { sendSubmissionNotFound, sendSubmissionPage, submissionInCall } from './desk-submission-page.js';
import { sendDownload } from './download.js';

/**
 * Blind review from the desk: a coordinator asks someone to read a submission (the request, the
 * reader's link and its letter in one transaction), reminds a reader with a new link, or cancels a
 * request. The reader's own pages are in reviewer.ts.
 */
export function registerDeskReviewRoutes(app: FastifyInstance, deps: DeskDeps): void {
  const { context } = deps;

  const load = (id: string) => submissionInCall(deps, id);
  const missing = (request: FastifyRequest, reply: FastifyReply) =>
    sendSubmissionNotFound(request, reply, deps);

  app.post(
    '/bureau/propositions/:id/relectures',
    { preValidation: app.csrfProtection },
    async (request, reply) => {
      const lang = pageLang(request, reply);
      const staff = staffOf(request);
      const record = await load((request.params as { id: string }).id);
      if (!record) return missing(request, reply);
      const typed = {
        readerName: field(request.body, 'nom').slice(0, 400),
        readerEmail: field(request.body, 'courriel').slice(0, 400),
        dueOn: field(request.body, 'date').slice(0, 20),
        note: field(request.body, 'message').slice(0, 8000),
      };
      const result = await askForReview(
        {
          ...typed,
          submissionId: record.id,
          accountId: staff.id,
          askedByName: staff.displayName,
          today: localDateOf(deps.now().getTime(), context.call.deadline.timeZone),
        },
        { uow: context.intake.uow, call: context.call, publicBase: baseUrl(request, deps) },
      );
      if (!result.ok && result.status === 422) {
        return sendSubmissionPage(
          request,
          reply,
          deps,
          record,
          { reviewForm: { problems: result.problems, typed } },
          422,
        );
      }
      if (!result.ok) {
        return sendMessage(request, reply, deps, result.status, {
          title: t(lang, 'La demande n’est pas partie', 'The request was not sent'),
          text: result.problem[lang],
          links: [
            {
              href: `/bureau/propositions/${record.id}`,
              label: t(lang, 'Revoir la proposition', 'See the submission again'),
            },
          ],
        });
      }
      // The copy the reader will download, tried now: if it cannot be made, the coordinator knows
      // at once that one has to be prepared by hand.
      const version = record.versions.find((v) => v.number === result.review.versionNumber);
      const copy =
        version &&
        (await copyForReader(record, version, {
          files: context.intake.files,
          read: context.intake.read,
          anonymise: context.anonymise,
        }));
      const notice = copy?.ok ? 'demandee' : 'copie-impossible';
      return reply.redirect(`/bureau/propositions/${record.id}?relecture=${notice}#relectures`, 303);
    },
  );

  /**
   * One action on one request (remind, cancel): the submission of this call, the use case, then
   * back to the reviews with a notice, or a page that says why nothing was done.
   */
  const onRequest = (
    action: string,
    act: (
      ids: { submissionId: string; reviewId: string },
      staff: AccountRecord,
      request: FastifyRequest,
    ) => Promise<{ ok: true } | { ok: false; reason: 'not-found' | 'closed' }>,
    words: { done: ReviewNotice; failed: Message; closed: Message },
  ) =>
    app.post(
      `/bureau/propositions/:id/relectures/:review/${action}`,
      { preValidation: app.csrfProtection },
      async (request, reply) => {
        const lang = pageLang(request, reply);
        const params = request.params as { id: string; review: string };
        const record = await load(params.id);
        if (!record) return missing(request, reply);
        const back = `/bureau/propositions/${record.id}`;
        const result = await act(
          { submissionId: record.id, reviewId: params.review },
          staffOf(request),
          request,
        );
        if (result.ok) return reply.redirect(`${back}?relecture=${words.done}#relectures`, 303);
        return sendMessage(request, reply, deps, result.reason === 'not-found' ? 404 : 409, {
          title: words.failed[lang],
          text:
            result.reason === 'not-found'
              ? t(
                  lang,
                  'Cette demande de relecture n’existe pas pour cette proposition.',
                  'This review request does not exist for this submission.',
                )
              : words.closed[lang],
          links: [{ href: back, label: t(lang, 'Revoir la proposition', 'See the submission again') }],
        });
      },
    );

  onRequest(
    'rappel',
    (ids, staff, request) =>
      remindReviewer(
        { ...ids, accountId: staff.id, askedByName: staff.displayName },
        { uow: context.intake.uow, call: context.call, publicBase: baseUrl(request, deps) },
      ),
    {
      done: 'relance',
      failed: msg('Le rappel n’est pas parti', 'The reminder was not sent'),
      closed: msg(
        'Cette demande n’attend plus d’avis (avis rendu, déclinée, annulée, nouvelle version ou décision prise).',
        'This request no longer awaits an opinion (given, declined, cancelled, a new version, or decided).',
      ),
    },
  );

  onRequest(
    'annuler',
    (ids, staff) => cancelReview({ ...ids, accountId: staff.id }, { uow: context.intake.uow }),
    {
      done: 'annulee',
      failed: msg('La demande n’a pas été annulée', 'The request was not cancelled'),
      closed: msg(
        'Cette demande est déjà close (déclinée ou annulée).',
        'This request is already closed (declined or cancelled).',
      ),
    },
  );

  // A reader's annotated file: as sent (?copie absent), or the copy without their name (?copie=1).
  app.get('/bureau/propositions/:id/relectures/fichiers/:file', async (request, reply) => {
    const { id, file } = request.params as { id: string; file: string };
    const record = await load(id);
    if (!record) return missing(request, reply);
    const copy = (request.query as { copie?: string }).copie === '1';
    const found = await openReviewFileForDesk(
      { submissionId: record.id, fileId: file, copy },
      { reviewFiles: context.reviewFiles, files: context.intake.files },
    );
    if (!found) return missing(request, reply);
    const fallback = copy ? 'relecture-anonyme' : 'relecture';
    return sendDownload(reply, { name: found.name, fallback, bytes: found.bytes });
  });
}
