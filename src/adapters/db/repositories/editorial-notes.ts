import type { Selectable } from 'kysely';
import type { Clock } from '../../../ports/clock.js';
import type { EditorialNote, EditorialNoteStore, NewEditorialNote } from '../../../ports/editorial-notes.js';
import type { IdGenerator } from '../../../ports/id-generator.js';
import { toIso } from '../codec.js';
import type { EditorialNotesTable } from '../schema.js';
import type { Executor } from '../transaction.js';

/** The EditorialNoteStore port over Kysely; the same code on SQLite and PostgreSQL. */
export class KyselyEditorialNoteStore implements EditorialNoteStore {
  constructor(
    private readonly db: Executor,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async add(note: NewEditorialNote): Promise<EditorialNote> {
    const row = await this.db
      .insertInto('editorial_notes')
      .values({
        id: this.ids.newId(),
        submission_id: note.submissionId,
        account_id: note.accountId,
        body: note.body,
        written_at: toIso(this.clock.now()),
        removed_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toNote(row);
  }

  async findById(id: string): Promise<EditorialNote | null> {
    const row = await this.db
      .selectFrom('editorial_notes')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toNote(row) : null;
  }

  async listForSubmission(submissionId: string): Promise<EditorialNote[]> {
    const rows = await this.db
      .selectFrom('editorial_notes')
      .selectAll()
      .where('submission_id', '=', submissionId)
      .orderBy('written_at')
      .orderBy('id')
      .execute();
    return rows.map(toNote);
  }

  async countsForCall(callId: string): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('editorial_notes')
      .innerJoin('submissions', 'submissions.id', 'editorial_notes.submission_id')
      .select(['editorial_notes.submission_id as submission_id', (eb) => eb.fn.countAll().as('notes')])
      .where('submissions.call_id', '=', callId)
      .where('editorial_notes.removed_at', 'is', null)
      .groupBy('editorial_notes.submission_id')
      .execute();
    return new Map(rows.map((row) => [row.submission_id, Number(row.notes)]));
  }

  async remove(id: string, accountId: string): Promise<boolean> {
    const result = await this.db
      .updateTable('editorial_notes')
      .set({ body: '', removed_at: toIso(this.clock.now()) })
      .where('id', '=', id)
      .where('account_id', '=', accountId)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}

function toNote(row: Selectable<EditorialNotesTable>): EditorialNote {
  return {
    id: row.id,
    submissionId: row.submission_id,
    accountId: row.account_id,
    body: row.body,
    writtenAt: row.written_at,
    removedAt: row.removed_at,
  };
}
