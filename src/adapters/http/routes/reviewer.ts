import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { attachReviewFile } from '../../../app/reviewer-attach-file.js';
import { readerCopy } from '../../../app/reviewer-copy.js';
import { declineReview } from '../../../app/reviewer-decline.js';
import { giveOpinion } from '../../../app/reviewer-give-opinion.js';
import { openReview, type ReaderView } from '../../../app/reviewer-open.js';
import { MAX_COMMENT_CHARS } from '../../../domain/editorial/review.js';
import { reviewFileProblemMessage } from '../../../domain/editorial/review-files.js';
import type { Lang } from '../../../domain/shared/message.js';
import type { AppContext } from '../../../main/context.js';
import { langOf } from '../lang.js';
import { sendPage } from '../render.js';
import { ExpiredFormPage } from '../views/author/notice-page.js';
import { langQuery } from '../views/author/parts.js';
import { type ReviewDone, ReviewNotFoundPage, ReviewPage } from '../views/reviewer/review-page.js';
import { FILE_TOO_LARGE, type FieldProblem } from './author-form.js';
import { readPostedForm } from './author-multipart.js';
import { isTokenShaped, publicBase, tokenHash } from './author-tokens.js';
import { sendDownload } from './download.js';

const NO_REVIEW_FILE: FieldProblem = {
  message: { fr: 'Aucun fichier n’est choisi.', en: 'No file is chosen.' },
  fix: {
    fr: 'Cliquez sur « Parcourir » ou « Choisir un fichier » et choisissez votre texte annoté.',
    en: 'Click “Browse” or “Choose file” and pick your annotated text.',
  },
  severity: 'error',
};

/** As for the authors' links: 30 tries a minute cannot find a 256-bit token. */
const LINK_RATE = { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } };

/** Beyond the longest opinion allowed by a wide margin: the rest is not read (the check says « too long »). */
const MAX_TYPED = 4 * MAX_COMMENT_CHARS;

/**
 * The opinion form's body limit: two fields of MAX_COMMENT_CHARS, each character percent-encoded
 * in up to 9 bytes, fit in it; the site's other forms keep their 64 KiB.
 */
export const REVIEW_FORM_BYTES = 256 * 1024;

/**
 * The reader's private link, /relecture/<token>: one review request, the anonymised copy of the
 * version given, and the opinion form. No sign-in: the link is the proof, as for the authors. An
 * unknown token is a plain 404; pages are never cached nor indexed.
 */
export function registerReviewerRoutes(
  app: FastifyInstance,
  context: AppContext,
  deps: { publicUrl: string | undefined },
): void {
  interface Opened {
    hash: string;
    path: string;
    lang: Lang;
    view: ReaderView;
  }

  async function open(request: FastifyRequest, reply: FastifyReply): Promise<Opened | null> {
    const lang = langOf(request);
    const token = (request.params as { token?: string }).token ?? '';
    reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex, nofollow');
    const hash = isTokenShaped(token) ? tokenHash(token) : null;
    const view = hash ? await openReview(hash, { uow: context.intake.uow, call: context.call }) : null;
    if (!hash || !view) {
      sendPage(reply, ReviewNotFoundPage({ call: context.call, lang }), 404);
      return null;
    }
    return { hash, path: `/relecture/${token}`, lang, view };
  }

  const answerDeps = (request: FastifyRequest) => ({
    uow: context.intake.uow,
    call: context.call,
    accounts: context.accounts,
    publicBase: publicBase(request, deps.publicUrl),
  });

  app.get('/relecture/:token', LINK_RATE, async (request, reply) => {
    const o = await open(request, reply);
    if (!o) return reply;
    const { fait, copie } = request.query as { fait?: string; copie?: string };
    const done: ReviewDone | null = fait === 'avis' || fait === 'decline' || fait === 'fichier' ? fait : null;
    return sendPage(
      reply,
      ReviewPage({
        call: context.call,
        lang: o.lang,
        path: o.path,
        csrf: reply.generateCsrf(),
        view: o.view,
        done,
        copyRefused: copie === '0',
      }),
    );
  });

  app.get('/relecture/:token/copie', LINK_RATE, async (request, reply) => {
    const o = await open(request, reply);
    if (!o) return reply;
    const copy = await readerCopy(o.hash, {
      uow: context.intake.uow,
      files: context.intake.files,
      read: context.intake.read,
      anonymise: context.anonymise,
    });
    if (!copy.ok) return reply.redirect(`${o.path}?copie=0${langQuery(o.lang, '&')}`, 303);
    return sendDownload(reply, { name: copy.name, fallback: 'copie-anonyme', bytes: copy.bytes });
  });

  app.post('/relecture/:token', LINK_RATE, async (request, reply) => {
    const o = await open(request, reply);
    if (!o) return reply;
    const form = await readPostedForm(app, request, reply);
    if (!form.csrfOk)
      return sendPage(reply, ExpiredFormPage({ call: context.call, lang: o.lang, path: o.path }), 403);
    const typed = {
      recommendation: (form.fields.get('avis') ?? '').slice(0, 40),
      forAuthors: (form.fields.get('pour_auteur') ?? '').slice(0, MAX_TYPED),
      forCommittee: (form.fields.get('pour_comite') ?? '').slice(0, MAX_TYPED),
    };
    const result = await giveOpinion(o.hash, typed, answerDeps(request));
    if (result.ok) return reply.redirect(`${o.path}?fait=avis${langQuery(o.lang, '&')}`, 303);
    if (result.reason === 'not-found')
      return sendPage(reply, ReviewNotFoundPage({ call: context.call, lang: o.lang }), 404);
    const fresh = (await openReview(o.hash, { uow: context.intake.uow, call: context.call })) ?? o.view;
    return sendPage(
      reply,
      ReviewPage({
        call: context.call,
        lang: o.lang,
        path: o.path,
        csrf: reply.generateCsrf(),
        view: fresh,
        ...(result.reason === 'invalid' ? { problems: result.problems, typed } : {}),
      }),
      result.reason === 'invalid' ? 422 : 409,
    );
  });

  app.post('/relecture/:token/fichier', LINK_RATE, async (request, reply) => {
    const o = await open(request, reply);
    if (!o) return reply;
    const form = await readPostedForm(app, request, reply);
    if (!form.csrfOk)
      return sendPage(reply, ExpiredFormPage({ call: context.call, lang: o.lang, path: o.path }), 403);
    const refuse = async (problem: FieldProblem, status: number) => {
      const fresh = (await openReview(o.hash, { uow: context.intake.uow, call: context.call })) ?? o.view;
      const page = { call: context.call, lang: o.lang, path: o.path, csrf: reply.generateCsrf() };
      return sendPage(reply, ReviewPage({ ...page, view: fresh, fileProblems: [problem] }), status);
    };
    if (!form.file) return refuse(form.fileTooLarge ? FILE_TOO_LARGE : NO_REVIEW_FILE, 422);
    const result = await attachReviewFile(o.hash, form.file, {
      ...context.intake,
      anonymise: context.anonymise,
      tell: { ...answerDeps(request), clock: context.intake.clock },
    });
    if (result.ok) return reply.redirect(`${o.path}?fait=fichier${langQuery(o.lang, '&')}`, 303);
    if (result.reason === 'not-found')
      return sendPage(reply, ReviewNotFoundPage({ call: context.call, lang: o.lang }), 404);
    if (result.reason === 'refused')
      return refuse({ message: reviewFileProblemMessage(result.problem), severity: 'error' }, 422);
    // The request closed (a decision, a new version) while the file was on its way: the page says so.
    return reply.redirect(`${o.path}${langQuery(o.lang)}`, 303);
  });

  app.post('/relecture/:token/decliner', LINK_RATE, async (request, reply) => {
    const o = await open(request, reply);
    if (!o) return reply;
    const form = await readPostedForm(app, request, reply);
    if (!form.csrfOk)
      return sendPage(reply, ExpiredFormPage({ call: context.call, lang: o.lang, path: o.path }), 403);
    const result = await declineReview(o.hash, answerDeps(request));
    if (result.ok) return reply.redirect(`${o.path}?fait=decline${langQuery(o.lang, '&')}`, 303);
    return reply.redirect(`${o.path}${langQuery(o.lang)}`, 303);
  });
}
