import { mayRemoveNote } from '../domain/editorial/notes.js';
import type { UnitOfWork } from '../ports/message-ledger.js';

export type RemoveNoteResult = { ok: true } | { ok: false; reason: 'not-found' | 'not-yours' };

/**
 * Use case: the writer of a note takes it back (written on the wrong submission, no longer true).
 * Its words are erased; the history keeps that a note was written and taken back, by whom.
 */
export async function removeEditorialNote(
  input: {
    submissionId: string;
    noteId: string;
    accountId: string;
    actor: 'coordinator' | 'committee';
  },
  deps: { uow: UnitOfWork },
): Promise<RemoveNoteResult> {
  return deps.uow.run(async (s): Promise<RemoveNoteResult> => {
    const note = await s.editorialNotes.findById(input.noteId);
    if (!note || note.submissionId !== input.submissionId || note.removedAt !== null) {
      return { ok: false, reason: 'not-found' };
    }
    if (!mayRemoveNote(note, input.accountId)) return { ok: false, reason: 'not-yours' };
    if (!(await s.editorialNotes.remove(note.id, input.accountId))) return { ok: false, reason: 'not-found' };
    await s.submissions.appendEvent(note.submissionId, {
      actor: { kind: input.actor, id: input.accountId },
      channel: 'web',
      action: 'note.removed',
      detail: { note: note.id },
    });
    return { ok: true };
  });
}
