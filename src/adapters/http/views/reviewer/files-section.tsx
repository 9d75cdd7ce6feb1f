import { formatInstant } from '../../../../domain/call/format-date.js';
import { MAX_REVIEW_FILES } from '../../../../domain/editorial/review-files.js';
import { t } from '../../lang.js';
import { CsrfField, FieldMessages, fileSize, langQuery, shown } from '../author/parts.js';
import type { ReviewPageProps } from './review-page.js';

export const REVIEW_FILE_FIELD = 'texte-annote';

/**
 * The reader's annotated text, on their page: what they sent, and the form to send it while they
 * may still answer. It says plainly who sees what: the committee the file as sent, the author —
 * only if the committee passes it on — a copy without the reader's name; a PDF stays with the
 * committee.
 */
export function ReviewFilesSection({ call, lang, path, csrf, view, fileProblems }: ReviewPageProps) {
  const open = view.closed === null;
  if (!open && view.files.length === 0) return null;
  const q = langQuery(lang);
  return (
    <section aria-labelledby="texte-annote-titre">
      <h2 id="texte-annote-titre">
        {t(lang, 'Votre texte annoté (facultatif)', 'Your annotated text (optional)')}
      </h2>
      {open && (
        <p>
          {t(
            lang,
            'Vous avez annoté la copie (commentaires, modifications suivies) ? Envoyez-la ici, en Word, LibreOffice ou PDF. Le comité la lit telle quelle. Si le comité la transmet à l’auteur, appel lui donne une copie sans votre nom : les commentaires y sont signés « Relecture ». Un PDF reste au comité.',
            'Did you annotate the copy (comments, tracked changes)? Send it here, as Word, LibreOffice or PDF. The committee reads it as it is. If the committee passes it on to the author, appel gives them a copy without your name: the comments are signed “Relecture” (review). A PDF stays with the committee.',
          )}
        </p>
      )}
      {view.files.length > 0 && (
        <ul>
          {view.files.map((f) => (
            <li key={f.id}>
              {shown(f.fileName)} ({fileSize(f.byteSize, lang)}) —{' '}
              {formatInstant(Date.parse(f.addedAt), call.deadline.timeZone, lang)}
              {f.anonymised
                ? t(lang, ' — copie sans votre nom prête', ' — copy without your name ready')
                : t(lang, ' — pour le comité seulement', ' — for the committee only')}
            </li>
          ))}
        </ul>
      )}
      {open && view.files.length < MAX_REVIEW_FILES && (
        <form method="post" action={`${path}/fichier${q}`} enctype="multipart/form-data" data-once="">
          <CsrfField token={csrf} />
          <label for={REVIEW_FILE_FIELD}>{t(lang, 'Le fichier annoté', 'The annotated file')}</label>
          <input
            type="file"
            name="fichier"
            id={REVIEW_FILE_FIELD}
            accept=".docx,.odt,.pdf,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text"
            {...(fileProblems?.length
              ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${REVIEW_FILE_FIELD}-erreur` }
              : {})}
          />
          <FieldMessages id={REVIEW_FILE_FIELD} problems={fileProblems} lang={lang} />
          <p>
            <button type="submit" class="secondary">
              {t(lang, 'Envoyer le fichier', 'Send the file')}
            </button>
          </p>
        </form>
      )}
    </section>
  );
}
