import { formatInstant } from '../../../../domain/call/format-date.js';
import { t } from '../../lang.js';
import type { LinkPageProps } from './link-page.js';
import { fileSize, langQuery } from './parts.js';

const FORMAT_NAMES = { docx: 'Word', odt: 'LibreOffice' } as const;

/**
 * The readers' annotated texts on the author's page, once the committee passed them on with its
 * decision: copies without the readers' names, numbered as the decision letter numbers the
 * opinions, with a word on where the annotations are (comments in the margin, tracked changes).
 */
export function ReviewFilesBlock({ call, lang, path, readerFiles }: LinkPageProps) {
  if (readerFiles.length === 0) return null;
  const q = langQuery(lang);
  return (
    <section id="relectures">
      <h2>{t(lang, 'Vos textes annotés par les relecteurs', 'Your texts annotated by the reviewers')}</h2>
      <p>
        {t(
          lang,
          'Les relecteurs ont annoté votre texte. Ouvrez le fichier dans Word ou LibreOffice : leurs remarques sont dans la marge (commentaires) et dans le texte (modifications suivies), signées « Relecture ». Leurs noms ont été retirés.',
          'The reviewers annotated your text. Open the file in Word or LibreOffice: their remarks are in the margin (comments) and in the text (tracked changes), signed “Relecture” (review). Their names were taken out.',
        )}
      </p>
      <ul>
        {readerFiles.map((f) => (
          <li key={f.id}>
            <a href={`${path}/relectures/${f.id}${q}`}>
              {t(lang, `Relecture ${f.reviewNumber}`, `Review ${f.reviewNumber}`)}
            </a>{' '}
            ({t(lang, `fichier ${FORMAT_NAMES[f.format]}`, `${FORMAT_NAMES[f.format]} file`)},{' '}
            {fileSize(f.byteSize, lang)}) — {t(lang, 'transmis le ', 'passed on on ')}
            {formatInstant(Date.parse(f.sharedAt), call.deadline.timeZone, lang)}
          </li>
        ))}
      </ul>
    </section>
  );
}
