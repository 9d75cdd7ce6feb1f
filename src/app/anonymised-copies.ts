import { isAppError } from '../domain/shared/errors.js';
import type { Message } from '../domain/shared/message.js';
import { msg } from '../domain/shared/typography.js';
import { submissionReference } from '../domain/submission/reference.js';
import type { ManuscriptAnonymiser } from '../ports/anonymiser.js';
import type { FileStore } from '../ports/file-store.js';
import type { ManuscriptReader } from '../ports/manuscript-reader.js';
import type { SubmissionStore } from '../ports/submission-store.js';
import { makeAnonymisedCopy } from './anonymised-copy.js';

/** At most this many copies at once: each is read twice and rewritten, on the desk's process. */
export const MAX_COPIES = 100;

export interface AnonymisedCopiesResult {
  /** The copies, named by reference only (a title may name its author). */
  files: { name: string; bytes: Buffer }[];
  /** One line per submission asked for: its reference and what became of it. */
  lines: { reference: string; outcome: Message }[];
}

/**
 * Use case: the anonymised copies of the latest version of several submissions, for reviewers.
 * Each is made and checked as one copy is (makeAnonymisedCopy); one that cannot be (another
 * format, a name still found, an unknown submission) is left out and said so in its line, and the
 * others are given all the same. Files are named « proposition-<reference>-v<n> »: no title.
 */
export async function makeAnonymisedCopies(
  submissionIds: readonly string[],
  callId: string,
  deps: {
    submissions: Pick<SubmissionStore, 'findById'>;
    files: Pick<FileStore, 'read'>;
    read: ManuscriptReader;
    anonymise: ManuscriptAnonymiser;
  },
): Promise<AnonymisedCopiesResult> {
  const result: AnonymisedCopiesResult = { files: [], lines: [] };
  for (const id of [...new Set(submissionIds)].slice(0, MAX_COPIES)) {
    const reference = submissionReference(id);
    const record = await deps.submissions.findById(id);
    const version = record && record.callId === callId ? record.versions.at(-1) : undefined;
    if (!record || !version) {
      result.lines.push({ reference, outcome: msg('introuvable', 'not found') });
      continue;
    }
    try {
      const copy = await makeAnonymisedCopy(
        {
          bytes: await deps.files.read(version.fileSha256),
          fileName: version.fileName,
          people: record.authors,
        },
        deps,
      );
      if (copy.remaining > 0) {
        result.lines.push({
          reference,
          outcome: msg(
            `non donnée : un nom d’auteur y apparaît encore ${copy.remaining} fois, à préparer à la main`,
            `not given: an author's name still appears ${copy.remaining} times, to prepare by hand`,
          ),
        });
        continue;
      }
      const extension = copy.fileName.slice(copy.fileName.lastIndexOf('.'));
      const name = `proposition-${reference}-v${version.number}${extension}`;
      result.files.push({ name, bytes: copy.bytes });
      result.lines.push({ reference, outcome: msg(`copie anonyme : ${name}`, `anonymised copy: ${name}`) });
    } catch (e) {
      if (!isAppError(e)) throw e;
      result.lines.push({
        reference,
        outcome: { fr: `non donnée : ${e.text.fr}`, en: `not given: ${e.text.en}` },
      });
    }
  }
  return result;
}
