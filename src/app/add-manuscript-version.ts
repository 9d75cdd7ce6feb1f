import type { Call } from '../domain/call/schema.js';
import { callFacts } from '../domain/letters/call-facts.js';
import type { LetterInput } from '../domain/letters/model.js';
import { AppError } from '../domain/shared/errors.js';
import type { Lang } from '../domain/shared/message.js';
import type { Transition } from '../domain/submission/lifecycle.js';
import { statusAfterNewVersion } from '../domain/submission/new-version.js';
import type { FileStore } from '../ports/file-store.js';
import type { ManuscriptReader } from '../ports/manuscript-reader.js';
import type { NewMessageEntry, TransactionStores, UnitOfWork } from '../ports/message-ledger.js';
import type { Channel, SubmissionRecord, VersionRecord } from '../ports/submission-store.js';
import { manuscriptLine, type ReceivedFile, storeAndJudge } from './judge-file.js';
import { type LetterEnvelope, letterJob } from './process-outbox.js';

export interface NewVersionRequest {
  submissionId: string;
  call: Call;
  files: ReceivedFile[];
  receivedAt: Date;
  channel: Channel;
  reply: LetterEnvelope | null;
  lang: Lang;
  message?: Omit<NewMessageEntry, 'outcome' | 'submissionId' | 'replied'>;
  /** The author's private link, quoted in the letter. */
  followUrl?: string;
  /**
   * A file the submission already has is not added again: its version is returned (a double
   * click or a retry on the author's page). Off for e-mail, whose threading decides this itself.
   */
  skipKnownFile?: boolean;
}

/**
 * Use case: a new version of a manuscript (a reply with a revised file, or an upload through the
 * author's private link). The version, its audit event, the status the lifecycle gives a new
 * version (a revised version goes back to review), the ledger entry and the receipt are committed
 * together. The domain decides on the status read in that transaction, never on one read before
 * the file was judged: after a decision nothing is recorded and SUBMISSION_DECIDED is thrown (the
 * e-mail intake answers it with its refusal letter, the private link with its refusal page).
 */
export async function addManuscriptVersion(
  request: NewVersionRequest,
  deps: { uow: UnitOfWork; files: FileStore; read: ManuscriptReader },
): Promise<VersionRecord> {
  const judged = await storeAndJudge(request.files, request.receivedAt, request.call, deps);
  return deps.uow.run(async (s) => {
    const record = await s.submissions.findById(request.submissionId);
    if (!record) throw new AppError('SUBMISSION_NOT_FOUND', { id: request.submissionId });
    const known = request.skipKnownFile
      ? record.versions.find((v) => v.fileSha256 === judged.version.fileSha256)
      : undefined;
    if (known) return known;
    // Throws SUBMISSION_DECIDED after a decision, before anything is written.
    const move = statusAfterNewVersion(record.status, 'author');
    const letter: LetterInput = {
      kind: 'new-version',
      lang: request.lang,
      call: callFacts(request.call),
      receivedAt: request.receivedAt.toISOString(),
      files: request.files.map((f) => ({ name: f.name, bytes: f.bytes.length })),
      manuscripts: [manuscriptLine(judged)],
      versionNumber: record.versions.length + 1,
      title: record.title,
    };
    if (request.followUrl) letter.followUrl = request.followUrl;
    const version = await s.submissions.addVersion({
      submissionId: request.submissionId,
      version: judged.version,
      event: {
        actor: { kind: 'author' },
        channel: request.channel,
        action: 'version.received',
        detail: { verdict: judged.verdict, number: record.versions.length + 1 },
      },
      outbox: request.reply
        ? [letterJob(request.reply, letter, `version:${request.submissionId}:${judged.version.fileSha256}`)]
        : [],
    });
    await refuseIfDecidedMeanwhile(s, record);
    if (move) await moveOnNewVersion(s, record, move, request.channel, version.number);
    if (request.message) {
      await s.messages.record({
        ...request.message,
        outcome: 'version',
        submissionId: request.submissionId,
        replied: request.reply !== null,
      });
    }
    return version;
  });
}

/**
 * `addVersion` has just updated the submission's row, which this transaction now holds until it
 * ends: on PostgreSQL a decision committed between the first read and that update is only seen by
 * a read after it (SQLite's write transaction holds the database from its start, so nothing can
 * have moved). When the row's counter moved by more than our own step, someone wrote in between:
 * the domain decides again on what is stored now, and a decision refuses the whole version.
 */
async function refuseIfDecidedMeanwhile(s: TransactionStores, record: SubmissionRecord): Promise<void> {
  const current = await s.submissions.findById(record.id);
  if (current && current.version !== record.version + 1) statusAfterNewVersion(current.status, 'author');
}

/**
 * The status move the table gives a new version, with its own event in the timeline. `addVersion`
 * has just moved the submission's counter on by one, in this same transaction: the change is
 * based on that, so a concurrent move by the desk makes the whole use case fail (STALE_UPDATE)
 * rather than be overwritten.
 */
async function moveOnNewVersion(
  s: TransactionStores,
  record: SubmissionRecord,
  move: Transition,
  channel: Channel,
  versionNumber: number,
): Promise<void> {
  await s.submissions.changeStatus({
    submissionId: record.id,
    expectedVersion: record.version + 1,
    to: move.to,
    event: { actor: { kind: 'author' }, channel, action: move.action, detail: { versionNumber } },
  });
}
