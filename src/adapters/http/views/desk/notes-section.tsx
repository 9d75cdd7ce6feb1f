import { formatInstant } from '../../../../domain/call/format-date.js';
import type { Call } from '../../../../domain/call/schema.js';
import { MAX_EDITORIAL_NOTE_CHARS } from '../../../../domain/editorial/notes.js';
import { formatNumber, type Lang, type Message, say } from '../../../../domain/shared/message.js';
import type { AccountRecord } from '../../../../ports/accounts.js';
import type { EditorialNote } from '../../../../ports/editorial-notes.js';
import { t } from '../../lang.js';

/** After a note form: what was done (the page's `?note=` after the redirect). */
export const NOTE_NOTICES = ['ecrite', 'retiree'] as const;
export type NoteNotice = (typeof NOTE_NOTICES)[number];

/** The note form sent back with its problem and the words typed, so that nothing is lost. */
export interface NoteFormState {
  problem: Message;
  typed: string;
}

export interface NotesSectionProps {
  lang: Lang;
  call: Call;
  staff: AccountRecord;
  csrf: string;
  record: { id: string };
  notes: EditorialNote[];
  /** Display names of the desk's accounts that wrote the notes. */
  names: Map<string, string>;
  noteNotice?: NoteNotice;
  noteForm?: NoteFormState;
}

const FIELD_ID = 'note-redaction';

/**
 * The desk's own conversation on a submission: what the coordinators and the committee write to
 * each other. Said plainly on the page: the authors and the readers never see it.
 */
export function NotesSection(props: NotesSectionProps) {
  const { lang, notes, noteNotice } = props;
  return (
    <section aria-labelledby="notes">
      <h2 id="notes">{t(lang, 'Notes de la rédaction', 'Editorial notes')}</h2>
      <p class="hint">
        {t(
          lang,
          'Pour la coordination et le comité seulement : ni les auteurs ni les personnes qui relisent ne les voient, et aucun courriel ne les cite.',
          'For the coordinators and the committee only: neither the authors nor the readers see them, and no letter quotes them.',
        )}
      </p>
      {noteNotice && (
        <p class="notice" role="status">
          {noteNotice === 'ecrite'
            ? t(lang, 'Votre note est enregistrée.', 'Your note is saved.')
            : t(lang, 'Votre note est retirée.', 'Your note is taken back.')}
        </p>
      )}
      {notes.length === 0 ? (
        <p>{t(lang, 'Aucune note pour l’instant.', 'No notes yet.')}</p>
      ) : (
        <ol class="notes">
          {notes.map((note) => (
            <NoteEntry key={note.id} {...props} note={note} />
          ))}
        </ol>
      )}
      <NoteForm {...props} />
    </section>
  );
}

function NoteEntry(props: NotesSectionProps & { note: EditorialNote }) {
  const { lang, call, staff, csrf, record, note, names } = props;
  const when = (iso: string) => formatInstant(Date.parse(iso), call.deadline.timeZone, lang);
  const writer = names.get(note.accountId) ?? t(lang, 'un compte supprimé', 'a deleted account');
  if (note.removedAt !== null) {
    return (
      <li class="removed">
        <p>
          {t(
            lang,
            `Note de ${writer} du ${when(note.writtenAt)}, retirée le ${when(note.removedAt)}.`,
            `Note by ${writer} of ${when(note.writtenAt)}, taken back on ${when(note.removedAt)}.`,
          )}
        </p>
      </li>
    );
  }
  return (
    <li>
      <p class="note-by">
        <strong>{writer}</strong>, {when(note.writtenAt)}
      </p>
      <p class="prose">{note.body}</p>
      {note.accountId === staff.id && (
        <form method="post" action={`/bureau/propositions/${record.id}/notes/${note.id}/retirer`}>
          <input type="hidden" name="_csrf" value={csrf} />
          <button type="submit" class="secondary small">
            {t(lang, 'Retirer ma note', 'Take my note back')}
            <span class="visually-hidden">
              {t(lang, ` (du ${when(note.writtenAt)})`, ` (of ${when(note.writtenAt)})`)}
            </span>
          </button>
        </form>
      )}
    </li>
  );
}

function NoteForm({ lang, csrf, record, noteForm }: NotesSectionProps) {
  const max = formatNumber(MAX_EDITORIAL_NOTE_CHARS, lang);
  const described = ['note-aide', noteForm ? `${FIELD_ID}-erreur` : undefined].filter(Boolean).join(' ');
  return (
    <form method="post" action={`/bureau/propositions/${record.id}/notes`}>
      <input type="hidden" name="_csrf" value={csrf} />
      <label for={FIELD_ID}>{t(lang, 'Ajouter une note', 'Add a note')}</label>
      <p class="hint" id="note-aide">
        {t(
          lang,
          `Une première lecture, une personne à solliciter, ce que la décision devra dire… (${max} caractères au plus). Vous pourrez la retirer ensuite.`,
          `A first reading, someone to ask for a review, what the decision should say… (at most ${max} characters). You can take it back afterwards.`,
        )}
      </p>
      <textarea
        id={FIELD_ID}
        name="note"
        rows={4}
        maxLength={MAX_EDITORIAL_NOTE_CHARS}
        aria-describedby={described}
        {...(noteForm ? { 'aria-invalid': 'true' as const } : {})}
      >
        {noteForm?.typed ?? ''}
      </textarea>
      {noteForm && (
        <p id={`${FIELD_ID}-erreur`} class="finding error" role="alert">
          {say(noteForm.problem, lang)}
        </p>
      )}
      <p>
        <button type="submit">{t(lang, 'Enregistrer la note', 'Save the note')}</button>
      </p>
    </form>
  );
}
