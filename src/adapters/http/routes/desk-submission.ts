import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { makeAnonymisedCopy } from '../../../app/anonymised-copy.js';
import { readersForDecision } from '../../../app/decision-readers.js';
import { manuscriptPreview } from '../../../app/desk-preview.js';
import { sendContract } from '../../../app/desk-send-contract.js';
import { sendFollowLinkFromDesk } from '../../../app/desk-send-follow-link.js';
import { applyTransition, decisionLetter, letterLanguage } from '../../../app/desk-transition.js';
import { lifecycleActorOf } from '../../../domain/accounts/roles.js';
import { MAX_NOTE_CHARS } from '../../../domain/letters/decision.js';
import type { LetterInput } from '../../../domain/letters/model.js';
import { renderLetter } from '../../../domain/letters/render-letter.js';
import { isAppError } from '../../../domain/shared/errors.js';
import { contactPerson } from '../../../domain/submission/author.js';
import { ACTIONS, type Action, isDecision } from '../../../domain/submission/lifecycle.js';
import type { OutboxMessage } from '../../../ports/outbox.js';
import { statusOf } from '../error-status.js';
import { t } from '../lang.js';
import { sendPage } from '../render.js';
import { ConfirmDecisionPage, type LetterPreview } from '../views/desk/confirm-decision.js';
import { NOTE_NOTICES, type NoteNotice } from '../views/desk/notes-section.js';
import { PreviewPage } from '../views/desk/preview.js';
import { REVIEW_NOTICES, type ReviewNotice } from '../views/desk/reviews-section.js';
import { baseUrl, type DeskDeps, field, pageLang, sendMessage, staffOf } from './desk-common.js';
import { sendSubmissionNotFound, sendSubmissionPage, submissionInCall } from './desk-submission-page.js';
import { sendDownload } from './download.js';

/** A submission's page, its transitions, its files and their text. */
export function registerDeskSubmissionRoutes(app: FastifyInstance, deps: DeskDeps): void {
  const { context } = deps;

  const notFound = (request: FastifyRequest, reply: FastifyReply) =>
    sendSubmissionNotFound(request, reply, deps);

  const load = (id: string) => submissionInCall(deps, id);

  app.get('/bureau/propositions/:id', async (request, reply) => {
    const record = await load((request.params as { id: string }).id);
    if (!record) return notFound(request, reply);
    const query = request.query as {
      fait?: string;
      courriel?: string;
      lien?: string;
      relecture?: string;
      contrat?: string;
      note?: string;
    };
    const { fait: done, courriel, lien, relecture, contrat, note } = query;
    const contactEmail = contactPerson(record.authors)?.email;
    return sendSubmissionPage(request, reply, deps, record, {
      ...(relecture && (REVIEW_NOTICES as readonly string[]).includes(relecture)
        ? { reviewNotice: relecture as ReviewNotice }
        : {}),
      ...(done && (ACTIONS as readonly string[]).includes(done) ? { done } : {}),
      ...(courriel === '1' || courriel === '0' ? { authorTold: courriel === '1' } : {}),
      ...(lien === '1' && contactEmail ? { linkSentTo: contactEmail } : {}),
      ...(contrat === 'joint' ? { contractNotice: { kind: 'attached' as const } } : {}),
      ...(note && (NOTE_NOTICES as readonly string[]).includes(note)
        ? { noteNotice: note as NoteNotice }
        : {}),
    });
  });

  app.post(
    '/bureau/propositions/:id/transition',
    { preValidation: app.csrfProtection },
    async (request, reply) => {
      const lang = pageLang(request, reply);
      const staff = staffOf(request);
      const id = (request.params as { id: string }).id;
      const action = field(request.body, 'action') as Action;
      const version = Number(field(request.body, 'version'));
      const record = await load(id);
      if (!record) return notFound(request, reply);
      const back = {
        href: `/bureau/propositions/${id}`,
        label: t(lang, 'Revoir la proposition', 'See the submission again'),
      };
      if (!ACTIONS.includes(action) || !Number.isInteger(version)) {
        return sendMessage(request, reply, deps, 400, {
          title: t(lang, 'Demande incomplète', 'Incomplete request'),
          text: t(
            lang,
            'Choisissez une action sur la page de la proposition.',
            'Choose an action on the submission’s page.',
          ),
          links: [back],
        });
      }
      const tell = isDecision(action) && field(request.body, 'prevenir') === 'oui';
      const withReaders = tell && field(request.body, 'avis') === 'oui';
      const note = field(request.body, 'message').slice(0, MAX_NOTE_CHARS);
      const readers = withReaders ? await readersForDecision(record, context) : {};
      const transition = {
        ...(tell
          ? { notify: { call: context.call, note, publicBase: baseUrl(request, deps), ...readers } }
          : {}),
        submissionId: id,
        expectedVersion: version,
        action,
        actor: lifecycleActorOf(staff.role) as 'coordinator' | 'committee',
        accountId: staff.id,
      };
      // A decision is asked again, with the letter as it will leave: it cannot be taken back.
      if (isDecision(action) && field(request.body, 'confirmer') !== 'oui') {
        if (record.version !== version) return stale();
        const letter = decisionLetter(record, transition);
        return sendPage(
          reply,
          ConfirmDecisionPage({
            lang,
            call: context.call,
            staff,
            csrf: reply.generateCsrf(),
            // The language switch goes back to the submission's page: this one answers a POST.
            path: `/bureau/propositions/${id}`,
            record,
            action,
            note,
            tell,
            withReaders,
            letter: letter ? previewOf(letter) : null,
          }),
        );
      }
      // Sending the contract writes to the author with a new link when a contract file is there.
      const outcome =
        action === 'send_contract'
          ? await sendContract(
              { ...transition, call: context.call, publicBase: baseUrl(request, deps) },
              context.intake,
            )
          : await applyTransition(transition, context.intake);
      if (outcome.ok) {
        const told =
          isDecision(action) || action === 'send_contract' ? `&courriel=${outcome.notified ? 1 : 0}` : '';
        return reply.redirect(`/bureau/propositions/${id}?fait=${action}${told}`, 303);
      }
      if (outcome.reason === 'not-found') return notFound(request, reply);
      if (outcome.reason === 'stale') return stale();
      return sendMessage(request, reply, deps, statusOf(outcome.error.code), {
        title: outcome.error.text[lang],
        text: outcome.error.fix[lang],
        links: [back],
      });

      function stale() {
        return sendMessage(request, reply, deps, 409, {
          title: t(
            lang,
            'Quelqu’un d’autre a modifié cette proposition',
            'Someone else changed this submission',
          ),
          text: t(
            lang,
            'Elle a changé depuis que vous avez ouvert la page (une autre personne du bureau, l’auteur ou une nouvelle version). Rien n’a été modifié : revoyez-la, puis refaites votre choix si besoin.',
            'It changed since you opened the page (someone else on the desk, the author, or a new version). Nothing was changed: look at it again, then choose again if needed.',
          ),
          links: [back],
        });
      }
    },
  );

  app.post('/bureau/propositions/:id/lien', { preValidation: app.csrfProtection }, async (request, reply) => {
    const lang = pageLang(request, reply);
    const id = (request.params as { id: string }).id;
    const result = await sendFollowLinkFromDesk(
      { submissionId: id, accountId: staffOf(request).id, lang: letterLanguage(context.call) },
      { uow: context.intake.uow, call: context.call, publicBase: baseUrl(request, deps) },
    );
    if (result.ok) return reply.redirect(`/bureau/propositions/${id}?lien=1`, 303);
    return sendMessage(request, reply, deps, result.status, {
      title: t(lang, 'Aucun lien envoyé', 'No link sent'),
      text: result.problem[lang],
      links: [
        {
          href: `/bureau/propositions/${id}`,
          label: t(lang, 'Revoir la proposition', 'See the submission again'),
        },
      ],
    });
  });

  const versionOf = async (request: FastifyRequest) => {
    const { id, number } = request.params as { id: string; number: string };
    const record = await load(id);
    const version = record?.versions.find((v) => String(v.number) === number);
    return record && version ? { record, version } : null;
  };

  app.get('/bureau/propositions/:id/versions/:number/original', async (request, reply) => {
    const found = await versionOf(request);
    if (!found) return notFound(request, reply);
    const { version } = found;
    const bytes = await context.intake.files.read(version.fileSha256);
    return sendDownload(reply, { name: version.fileName, fallback: `manuscrit-v${version.number}`, bytes });
  });

  /**
   * The copy for a blind review: the authors' names out of the text and the properties, checked
   * again after (see makeAnonymisedCopy). Only a .docx or an .odt can be made anonymous; any
   * other file, or a copy in which a name is still found, is answered with a page saying what to
   * do instead.
   */
  app.get('/bureau/propositions/:id/versions/:number/anonyme', async (request, reply) => {
    const lang = pageLang(request, reply);
    const found = await versionOf(request);
    if (!found) return notFound(request, reply);
    const { record, version } = found;
    const back = {
      href: `/bureau/propositions/${record.id}`,
      label: t(lang, 'Retour à la proposition', 'Back to the submission'),
    };
    try {
      const copy = await makeAnonymisedCopy(
        {
          bytes: await context.intake.files.read(version.fileSha256),
          fileName: version.fileName,
          people: record.authors,
        },
        { read: context.intake.read, anonymise: context.anonymise },
      );
      if (copy.remaining > 0) {
        return sendMessage(request, reply, deps, 422, {
          title: t(lang, 'La copie anonyme n’est pas sûre', 'The anonymised copy is not safe'),
          text: t(
            lang,
            `Un nom d’auteur apparaît encore ${copy.remaining} fois dans la copie : elle n’est pas proposée. Préparez-la à la main à partir du fichier reçu.`,
            `An author's name still appears ${copy.remaining} times in the copy: it is not offered. Prepare it by hand from the file received.`,
          ),
          links: [back],
        });
      }
      return sendDownload(reply, {
        name: copy.fileName,
        fallback: `manuscrit-v${version.number}-anonyme`,
        bytes: copy.bytes,
      });
    } catch (e) {
      if (!isAppError(e)) throw e;
      return sendMessage(request, reply, deps, statusOf(e.code), {
        title: e.text[lang],
        text: e.fix[lang],
        links: [back],
      });
    }
  });

  app.get('/bureau/propositions/:id/versions/:number/apercu', async (request, reply) => {
    const lang = pageLang(request, reply);
    const found = await versionOf(request);
    if (!found) return notFound(request, reply);
    const preview = await manuscriptPreview(found.version, context.intake);
    return sendPage(
      reply,
      PreviewPage({
        lang,
        call: context.call,
        staff: staffOf(request),
        csrf: reply.generateCsrf(),
        path: request.url,
        record: found.record,
        version: found.version,
        preview,
      }),
    );
  });
}

/** The letter of an outbox message as it will be read: to whom, its subject and its text. */
function previewOf(message: OutboxMessage): LetterPreview {
  const payload = message.payload as { to: { address: string; name?: string }; letter: LetterInput };
  const rendered = renderLetter(payload.letter);
  return { to: payload.to, subject: rendered.subject, text: rendered.text };
}
