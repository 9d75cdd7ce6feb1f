import { contactPerson } from '../domain/call/rules/contact-person.js';
import type { Call } from '../domain/call/schema.js';
import { AppError, isAppError } from '../domain/shared/errors.js';
import type { Lang } from '../domain/shared/message.js';
import type { FileStore } from '../ports/file-store.js';
import type { ManuscriptReader } from '../ports/manuscript-reader.js';
import type { UnitOfWork } from '../ports/message-ledger.js';
import type { VersionRecord } from '../ports/submission-store.js';
import { addManuscriptVersion } from './add-manuscript-version.js';
import { authorView } from './author-follow.js';
import type { LetterEnvelope } from './process-outbox.js';

export interface AuthorVersionInput {
  submissionId: string;
  call: Call;
  /** The kept upload, referred to by its hash. */
  file: { sha256: string; name: string };
  /** When its upload completed. */
  receivedAt: Date;
  now: Date;
  /** The private link, quoted in the letter. */
  followUrl: string;
  lang: Lang;
}

export type AuthorVersionResult =
  | { ok: true; version: VersionRecord; duplicate: boolean }
  | { ok: false; reason: 'not-now' };

/**
 * Use case: a new version sent through the author's private link, through the one new-version
 * use case (stored, judged, recorded with its receipt). Taken only while the author's page offers
 * it, and refused as the page refuses it when a decision came in the meantime (the use case's
 * SUBMISSION_DECIDED); the same file sent twice (double click, retry) is one version.
 */
export async function sendVersionFromLink(
  input: AuthorVersionInput,
  deps: { uow: UnitOfWork; files: FileStore; read: ManuscriptReader },
): Promise<AuthorVersionResult> {
  const current = await deps.uow.run(async (s) => {
    const record = await s.submissions.findById(input.submissionId);
    return record ? { record, events: await s.submissions.listEvents(record.id) } : null;
  });
  if (!current) throw new AppError('SUBMISSION_NOT_FOUND', { id: input.submissionId });
  const view = authorView(input.call, current.record, current.events, input.now);
  const known = current.record.versions.find((v) => v.fileSha256 === input.file.sha256);
  if (known) return { ok: true, version: known, duplicate: true };
  if (!view.canSendVersion) return { ok: false, reason: 'not-now' };

  const bytes = await deps.files.read(input.file.sha256);
  const contact = contactPerson(current.record.authors);
  const reply: LetterEnvelope | null = contact?.email
    ? { to: { address: contact.email, name: `${contact.givenName} ${contact.surname}`.trim() } }
    : null;
  let version: VersionRecord;
  try {
    version = await addManuscriptVersion(
      {
        submissionId: input.submissionId,
        call: input.call,
        files: [{ name: input.file.name, bytes }],
        receivedAt: input.receivedAt,
        channel: 'web',
        reply,
        lang: input.lang,
        followUrl: input.followUrl,
        skipKnownFile: true,
      },
      deps,
    );
  } catch (e) {
    // A decision taken while the file was read: the page's own refusal, nothing recorded.
    if (isAppError(e) && e.code === 'SUBMISSION_DECIDED') return { ok: false, reason: 'not-now' };
    throw e;
  }
  const duplicate = version.number <= current.record.versions.length;
  return { ok: true, version, duplicate };
}
