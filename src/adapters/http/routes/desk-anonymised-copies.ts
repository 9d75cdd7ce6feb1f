import type { FastifyReply, FastifyRequest } from 'fastify';
import { MAX_COPIES, makeAnonymisedCopies } from '../../../app/anonymised-copies.js';
import { writeZip } from '../../zip/write-zip.js';
import { t } from '../lang.js';
import { type DeskDeps, pageLang, sendMessage } from './desk-common.js';
import { sendDownload } from './download.js';

/**
 * The anonymised copies of the ticked submissions, in one zip for the reviewers: the copies
 * (named by reference, no title) and LISEZMOI.txt, saying in French then English what became of
 * each submission. Nothing ticked, or more than MAX_COPIES, is a page saying what to do.
 */
export async function sendAnonymisedCopies(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: DeskDeps,
  selection: readonly string[],
) {
  const lang = pageLang(request, reply);
  const { context } = deps;
  const ids = selection.map((item) => item.split(':')[0] ?? '').filter((id) => id !== '');
  if (ids.length === 0 || ids.length > MAX_COPIES) {
    return sendMessage(request, reply, deps, 400, {
      title: t(lang, 'Rien à télécharger', 'Nothing to download'),
      text: t(
        lang,
        `Cochez entre 1 et ${MAX_COPIES} propositions dans le tableau, puis recommencez.`,
        `Tick between 1 and ${MAX_COPIES} submissions in the table, then try again.`,
      ),
      links: [
        { href: '/bureau', label: t(lang, 'Retour au tableau des propositions', 'Back to the dashboard') },
      ],
    });
  }
  const copies = await makeAnonymisedCopies(ids, context.callId, {
    submissions: context.submissions,
    files: context.intake.files,
    read: context.intake.read,
    anonymise: context.anonymise,
  });
  const readme = [
    `Copies anonymes — ${context.call.journal}, ${context.call.id}`,
    ...copies.lines.map((l) => `${l.reference} : ${l.outcome.fr}`),
    '',
    `Anonymised copies — ${context.call.journal}, ${context.call.id}`,
    ...copies.lines.map((l) => `${l.reference}: ${l.outcome.en}`),
    '',
  ].join('\r\n');
  const zip = await writeZip([
    { name: 'LISEZMOI.txt', data: Buffer.from(readme, 'utf8') },
    ...copies.files.map((f) => ({ name: f.name, data: f.bytes })),
  ]);
  return sendDownload(reply, {
    name: `copies-anonymes-${context.call.id}.zip`,
    fallback: 'copies-anonymes.zip',
    bytes: zip,
    contentType: 'application/zip',
  });
}
