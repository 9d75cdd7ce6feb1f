import type { FastifyInstance } from 'fastify';
import { contentsText } from '../../../app/desk-issue-contents.js';
import { type IssueFolderFile, issueFolder, MAX_FOLDER_BYTES } from '../../../app/desk-issue-folder.js';
import type { Call } from '../../../domain/call/schema.js';
import { formatNumber, type Lang } from '../../../domain/shared/message.js';
import { sanitiseFilename } from '../../mail-in/sanitise-filename.js';
import { writeZip } from '../../zip/write-zip.js';
import { t } from '../lang.js';
import { type DeskDeps, pageLang, sendMessage } from './desk-common.js';
import { sendDownload } from './download.js';

/**
 * The issue's folder (GET /bureau/sommaire.zip), for whoever lays out the issue: the table of
 * contents, then each text placed in the issue, in its order, as the author sent its latest
 * version, and the signed contract's files. Coordinators only: it holds signed contracts.
 */
export function registerDeskIssueFolderRoute(app: FastifyInstance, deps: DeskDeps): void {
  const { context } = deps;

  app.get('/bureau/sommaire.zip', async (request, reply) => {
    const lang = pageLang(request, reply);
    const { call } = context;
    const folder = await issueFolder(call, context.callId, {
      ...context,
      files: context.intake.files,
    });
    if (!folder.ok) {
      const back = {
        href: '/bureau/sommaire',
        label: t(lang, 'Revoir le sommaire', 'See the contents again'),
      };
      return sendMessage(request, reply, deps, folder.reason === 'empty' ? 409 : 413, {
        title: t(lang, 'Pas de dossier du numéro', 'No issue folder'),
        text:
          folder.reason === 'empty'
            ? t(
                lang,
                'Aucun texte n’est encore placé au sommaire : placez-en un depuis sa page.',
                'No text is placed in the issue yet: place one from its page.',
              )
            : t(
                lang,
                `Les fichiers pèsent ${formatNumber(Math.ceil(folder.bytes / 2 ** 20), lang)} Mo, plus que les ${MAX_FOLDER_BYTES / 2 ** 20} Mo d’un dossier : téléchargez-les depuis la page de chaque texte.`,
                `The files weigh ${formatNumber(Math.ceil(folder.bytes / 2 ** 20), lang)} MB, more than a folder's ${MAX_FOLDER_BYTES / 2 ** 20} MB: download them from each text's page.`,
              ),
        links: [back],
      });
    }
    const issue = String(call.issue).replace(/[^\w-]/g, '');
    const zip = await writeZip([
      { name: 'LISEZMOI.txt', data: Buffer.from(readme(call, lang), 'utf8') },
      {
        name: 'sommaire.txt',
        data: Buffer.from(contentsText(folder.contents, contentsHeading(call, lang)), 'utf8'),
      },
      ...numberedNames(folder.files).map(({ name, file }) => ({ name, data: file.bytes })),
    ]);
    return sendDownload(reply, {
      name: `numero-${issue}.zip`,
      fallback: 'numero.zip',
      bytes: zip,
      contentType: 'application/zip',
    });
  });
}

function contentsHeading(call: Call, lang: Lang): string {
  return t(
    lang,
    `${call.journal} n° ${call.issue} — sommaire`,
    `${call.journal} no. ${call.issue} — contents`,
  );
}

/**
 * « textes/01 - Zoé Moreau - Le guichet et l’écran.docx », « contrats/01 - Zoé Moreau - contrat
 * signé 2.jpg »: the place in the issue first, so that any file browser shows them in order.
 * Every part goes through the same cleaning as an attachment's name; the folder is ours.
 */
function numberedNames(files: readonly IssueFolderFile[]): { name: string; file: IssueFolderFile }[] {
  const copies = new Map<number, number>();
  return files.map((file) => {
    const number = String(file.position).padStart(2, '0');
    const authors = asPart(file.entry.authors.join(', ').slice(0, 60));
    const extension = extensionOf(file.originalName);
    if (file.kind === 'text') {
      const title = asPart(file.entry.title.slice(0, 80)) || 'sans titre';
      return {
        name: `textes/${sanitiseFilename(`${number} - ${authors} - ${title}${extension}`, `${number}${extension}`)}`,
        file,
      };
    }
    const nth = (copies.get(file.position) ?? 0) + 1;
    copies.set(file.position, nth);
    return {
      name: `contrats/${sanitiseFilename(`${number} - ${authors} - contrat signé ${nth}${extension}`, `${number}-contrat-${nth}${extension}`)}`,
      file,
    };
  });
}

/** A slash in a title (« Accompagner / à distance ») is text, not a folder. */
function asPart(text: string): string {
  return text.replace(/[/\\]/g, '_');
}

/** A short extension of letters and digits (« .docx », « .jpg »), or none. */
function extensionOf(name: string): string {
  const match = /\.[a-z0-9]{1,5}$/i.exec(name);
  return match ? match[0].toLowerCase() : '';
}

function readme(call: Call, lang: Lang): string {
  const lines =
    lang === 'en'
      ? [
          `${call.journal} no. ${call.issue}: the issue's folder`,
          '',
          'sommaire.txt: the table of contents, in the issue’s order, authors in print order.',
          'textes/: each text placed in the issue, numbered as in the contents, as its author sent the latest version.',
          'contrats/: the signed publishing contracts sent back by the authors, numbered the same way.',
          '',
          'Texts accepted but not yet placed in the issue are not in this folder.',
        ]
      : [
          `${call.journal} n° ${call.issue} : dossier du numéro`,
          '',
          'sommaire.txt : le sommaire, dans l’ordre du numéro, auteurs dans l’ordre d’impression.',
          'textes/ : chaque texte placé au sommaire, numéroté comme au sommaire, dans la dernière version envoyée par son auteur.',
          'contrats/ : les contrats d’édition signés renvoyés par les auteurs, numérotés de même.',
          '',
          'Les textes acceptés qui ne sont pas encore placés au sommaire ne sont pas dans ce dossier.',
        ];
  return `${lines.join('\r\n')}\r\n`;
}
