import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { attachContract } from '../../../app/desk-attach-contract.js';
import { openContractDocument } from '../../../app/open-contract-document.js';
import { contractFallbackName, contractFileProblemMessage } from '../../../domain/editorial/contract.js';
import type { Message } from '../../../domain/shared/message.js';
import type { SubmissionRecord } from '../../../ports/submission-records.js';
import { t } from '../lang.js';
import { readPostedForm } from './author-multipart.js';
import { type DeskDeps, pageLang, sendMessage, staffOf } from './desk-common.js';
import { sendSubmissionNotFound, sendSubmissionPage, submissionInCall } from './desk-submission-page.js';
import { sendDownload } from './download.js';

const NO_FILE: Message = {
  fr: 'Aucun fichier n’est choisi : cliquez sur « Parcourir » et choisissez le contrat.',
  en: 'No file is chosen: click “Browse” and pick the contract.',
};

const TOO_LARGE: Message = {
  fr: 'Ce fichier est trop volumineux. Enregistrez le contrat en PDF, ou réduisez ses images, puis joignez-le.',
  en: 'This file is too large. Save the contract as a PDF, or make its pictures smaller, then attach it.',
};

/**
 * The publishing contract from the desk: a coordinator attaches the contract (multipart: the
 * CSRF token is checked before the file is read, as on the authors' forms), and the staff
 * download the contract and the signed copies. Sending the contract is a move of the status
 * (desk-submission.ts).
 */
export function registerDeskContractRoutes(app: FastifyInstance, deps: DeskDeps): void {
  const { context } = deps;
  const load = (id: string) => submissionInCall(deps, id);
  const missing = (request: FastifyRequest, reply: FastifyReply) =>
    sendSubmissionNotFound(request, reply, deps);

  const showProblem = (
    request: FastifyRequest,
    reply: FastifyReply,
    record: SubmissionRecord,
    problem: Message,
    status: number,
  ) =>
    sendSubmissionPage(
      request,
      reply,
      deps,
      record,
      { contractNotice: { kind: 'problem', problem } },
      status,
    );

  app.post('/bureau/propositions/:id/contrat', async (request, reply) => {
    const lang = pageLang(request, reply);
    const back = (id: string) => ({
      href: `/bureau/propositions/${id}`,
      label: t(lang, 'Revoir la proposition', 'See the submission again'),
    });
    const record = await load((request.params as { id: string }).id);
    if (!record) return missing(request, reply);
    const form = await readPostedForm(app, request, reply);
    if (!form.csrfOk) {
      return sendMessage(request, reply, deps, 403, {
        title: t(lang, 'Le formulaire a expiré', 'The form has expired'),
        text: t(
          lang,
          'Rechargez la page de la proposition, puis joignez de nouveau le fichier.',
          'Reload the submission’s page, then attach the file again.',
        ),
        links: [back(record.id)],
      });
    }
    if (!form.file) return showProblem(request, reply, record, form.fileTooLarge ? TOO_LARGE : NO_FILE, 422);
    const result = await attachContract(
      { submissionId: record.id, accountId: staffOf(request).id, file: form.file },
      context.intake,
    );
    if (result.ok) return reply.redirect(`/bureau/propositions/${record.id}?contrat=joint#contrat`, 303);
    if (result.reason === 'refused')
      return showProblem(request, reply, record, contractFileProblemMessage('contract', result.problem), 422);
    if (result.reason === 'not-found') return missing(request, reply);
    // Not accepted yet, or the signature already recorded (perhaps while the file was sent).
    return sendMessage(request, reply, deps, 409, {
      title: t(lang, 'Le contrat n’a pas été joint', 'The contract was not attached'),
      text: t(
        lang,
        'Le contrat se joint à une proposition acceptée, jusqu’à l’enregistrement de la signature.',
        'The contract is attached to an accepted submission, until the signature is recorded.',
      ),
      links: [back(record.id)],
    });
  });

  app.get('/bureau/propositions/:id/contrat/:document', async (request, reply) => {
    const { id, document } = request.params as { id: string; document: string };
    const record = await load(id);
    if (!record) return missing(request, reply);
    const found = await openContractDocument(
      { submissionId: record.id, documentId: document, reader: { side: 'desk' } },
      { contractDocuments: context.contractDocuments, files: context.intake.files },
    );
    if (!found) return missing(request, reply);
    const { document: file, bytes } = found;
    return sendDownload(reply, { name: file.fileName, fallback: contractFallbackName(file.kind), bytes });
  });
}
