import { isAppError } from '../domain/shared/errors.js';
import { submissionReference } from '../domain/submission/reference.js';
import type { ManuscriptAnonymiser } from '../ports/anonymiser.js';
import type { FileStore } from '../ports/file-store.js';
import type { ManuscriptReader } from '../ports/manuscript-reader.js';
import type { UnitOfWork } from '../ports/message-ledger.js';
import type { SubmissionRecord, VersionRecord } from '../ports/submission-records.js';
import { makeAnonymisedCopy } from './anonymised-copy.js';

export type ReaderCopyResult =
  | { ok: true; name: string; bytes: Buffer }
  /** Unknown link, or a request cancelled or declined: nothing to read. */
  | { ok: false; reason: 'not-found' }
  /** The copy cannot be made safely (another format, a name still in it): the coordinators send one. */
  | { ok: false; reason: 'not-safe' };

/**
 * Use case: the anonymised copy of the version a reader was given, made and checked as the desk
 * makes it (makeAnonymisedCopy: read with the readers' caps, names taken out, read back and
 * searched again). Only a copy in which no author's name is found is handed over; its file name
 * is the reference, never the title or the original name.
 */
export async function readerCopy(
  tokenHash: string,
  deps: {
    uow: UnitOfWork;
    files: Pick<FileStore, 'read'>;
    read: ManuscriptReader;
    anonymise: ManuscriptAnonymiser;
  },
): Promise<ReaderCopyResult> {
  const found = await deps.uow.run(async (s) => {
    const review = await s.reviews.findByTokenHash(tokenHash);
    if (!review || review.state === 'cancelled' || review.state === 'declined') return null;
    const record = await s.submissions.findById(review.submissionId);
    const version = record?.versions.find((v) => v.number === review.versionNumber);
    return record && version ? { record, version } : null;
  });
  if (!found) return { ok: false, reason: 'not-found' };
  return copyForReader(found.record, found.version, deps);
}

/**
 * The anonymised copy of one version of a submission, as a reader receives it; the desk tries it
 * when it asks for a review, to warn at once when a copy has to be prepared by hand.
 */
export async function copyForReader(
  record: SubmissionRecord,
  version: VersionRecord,
  deps: { files: Pick<FileStore, 'read'>; read: ManuscriptReader; anonymise: ManuscriptAnonymiser },
): Promise<ReaderCopyResult> {
  try {
    const copy = await makeAnonymisedCopy(
      {
        bytes: await deps.files.read(version.fileSha256),
        fileName: version.fileName,
        people: record.authors,
      },
      deps,
    );
    if (copy.remaining > 0) return { ok: false, reason: 'not-safe' };
    const extension = copy.fileName.slice(copy.fileName.lastIndexOf('.'));
    return {
      ok: true,
      name: `proposition-${submissionReference(record.id)}-v${version.number}${extension}`,
      bytes: copy.bytes,
    };
  } catch (e) {
    if (isAppError(e)) return { ok: false, reason: 'not-safe' };
    throw e;
  }
}
