import { cleanNote, type NoteProblem } from '../domain/editorial/notes.js';
import type { EditorialNote } from '../ports/editorial-notes.js';
import type { UnitOfWork } from '../ports/message-ledger.js';

export type WriteNoteResult =
  | { ok: true; note: EditorialNote }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'invalid'; problem: NoteProblem; length: number };

/**
 * Use case: someone on the desk writes a note on a submission for the others (coordinators and
 * committee). The note and its line in the submission's history (who, when — never the words) are
 * one transaction. Nothing is sent to anyone: the note is read on the desk.
 */
export async function writeEditorialNote(
  input: {
    submissionId: string;
    /** The desk's call: a submission of another call is not found. */
    callId: string;
    accountId: string;
    actor: 'coordinator' | 'committee';
    text: string;
  },
  deps: { uow: UnitOfWork },
): Promise<WriteNoteResult> {
  const cleaned = cleanNote(input.text);
  if (!cleaned.ok) return { ok: false, reason: 'invalid', problem: cleaned.problem, length: cleaned.length };
  return deps.uow.run(async (s): Promise<WriteNoteResult> => {
    const submission = await s.submissions.findById(input.submissionId);
    if (!submission || submission.callId !== input.callId) return { ok: false, reason: 'not-found' };
    const note = await s.editorialNotes.add({
      submissionId: submission.id,
      accountId: input.accountId,
      body: cleaned.body,
    });
    await s.submissions.appendEvent(submission.id, {
      actor: { kind: input.actor, id: input.accountId },
      channel: 'web',
      action: 'note.written',
      detail: { note: note.id },
    });
    return { ok: true, note };
  });
}
