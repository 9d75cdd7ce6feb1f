import type { Identity } from '../manuscript/author-names.js';
import type { FileKind } from '../manuscript/model.js';
import type { Message } from '../shared/message.js';
import { msg } from '../shared/typography.js';

/**
 * What a reader sends with their opinion: the text they annotated (comments in the margin,
 * tracked changes). The committee reads the file as it came; for a Word or LibreOffice file appel
 * also makes a copy without the reader's name — the annotations' and changes' authors become
 * « Relecture », the reader's name and address are taken out — and only that copy may reach the
 * author, with the decision. A PDF stays with the committee: its annotations cannot be made
 * anonymous here.
 */

/** A file or two is the usual; a few more for a reader who sends a corrected one. */
export const MAX_REVIEW_FILES = 5;

/** What a reader may send, recognised by content (the sniffer's kinds). */
const ACCEPTED: readonly FileKind[] = ['docx', 'odt', 'pdf'];

/** The formats whose annotations appel can make anonymous. */
export function canMakeAnonymous(kind: FileKind): kind is 'docx' | 'odt' {
  return kind === 'docx' || kind === 'odt';
}

export type ReviewFileProblem = 'format' | 'too-many' | 'damaged';

/** Whether a reader's file may be kept, given how many this reader has already sent. */
export function checkReviewFile(
  file: { kind: FileKind; readable: boolean },
  alreadyKept: number,
): ReviewFileProblem | null {
  if (!ACCEPTED.includes(file.kind)) return 'format';
  if (!file.readable) return 'damaged';
  if (alreadyKept >= MAX_REVIEW_FILES) return 'too-many';
  return null;
}

/** What the reader reads when a file is refused, with how to fix it. */
export function reviewFileProblemMessage(problem: ReviewFileProblem): Message {
  switch (problem) {
    case 'too-many':
      return msg(
        `Vous avez déjà envoyé ${MAX_REVIEW_FILES} fichiers : la rédaction les a bien reçus. Pour en dire plus, écrivez-le dans votre avis.`,
        `You have already sent ${MAX_REVIEW_FILES} files: the editors have them. To say more, write it in your opinion.`,
      );
    case 'damaged':
      return msg(
        'Ce fichier est endommagé et ne s’ouvre pas. Enregistrez-le de nouveau, puis renvoyez-le.',
        'This file is damaged and does not open. Save it again, then send it again.',
      );
    case 'format':
      return msg(
        'Envoyez le texte annoté en document Word (.docx), LibreOffice (.odt) ou en PDF. Dans Word : Fichier › Enregistrer sous › Document Word (.docx).',
        'Send the annotated text as a Word (.docx) or LibreOffice (.odt) document, or as a PDF. In Word: File › Save As › Word Document (.docx).',
      );
  }
}

/**
 * A file sent well after the opinion is news the coordinator would miss: the letter about the
 * opinion went long ago, and the desk shows the file only to whoever opens the page. Within the
 * hour it is part of the same answer (the reader gives the opinion, then sends the file), and the
 * first letter's link shows both.
 */
export const LATE_FILE_AFTER_MS = 60 * 60 * 1000;

/** Whether a file kept now on this review is told to the coordinator who asked. */
export function tellsAboutFile(review: { state: string; answeredAt: string | null }, now: number): boolean {
  if (review.state !== 'submitted' || review.answeredAt === null) return false;
  return now - Date.parse(review.answeredAt) >= LATE_FILE_AFTER_MS;
}

/**
 * The readers whose files go to the author with a decision: those whose words for the author go
 * in the letter (an opinion given on the version decided on).
 */
export function reviewsSharedWithDecision(
  reviews: readonly { id: string; state: string; versionNumber: number }[],
  versionNumber: number,
): string[] {
  return reviews.filter((r) => r.state === 'submitted' && r.versionNumber === versionNumber).map((r) => r.id);
}

/** The name a file takes when the author downloads it: the review's number and the format. */
export function sharedFileName(
  reference: string,
  index: number,
  fileIndex: number,
  extension: string,
): string {
  return `relecture-${index + 1}${fileIndex > 0 ? `-${fileIndex + 1}` : ''}-${reference}.${extension}`;
}

/**
 * The reader as the anonymiser looks for them: the name they were asked under (its last word as
 * the surname, so « Marie Martin » and « Martin » are both found) and their address.
 */
export function readerIdentity(readerName: string, readerEmail: string): Identity {
  const words = readerName
    .trim()
    .split(/\s+/u)
    .filter((w) => w !== '');
  const surname = words.at(-1) ?? '';
  return { givenName: words.slice(0, -1).join(' '), surname, email: readerEmail };
}
