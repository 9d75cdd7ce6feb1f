import type { SharedReview } from '../../../../app/author-reviews.js';
import { formatInstant } from '../../../../domain/call/format-date.js';
import { t } from '../../lang.js';
import type { LinkPageProps } from './link-page.js';
import { fileSize, langQuery } from './parts.js';

const FORMAT_NAMES = { docx: 'Word', odt: 'LibreOffice' } as const;

/**
 * The readers' opinions on the author's page, once the committee passed them on with a decision:
 * their words for the author, as the letter quoted them, and their annotated texts as copies
 * without their names — numbered as the letter numbers them, never named.
 */
export function ReviewsBlock(props: LinkPageProps) {
  const { lang, reviews } = props;
  if (reviews.length === 0) return null;
  const rounds = new Set(reviews.map((r) => r.versionNumber)).size;
  const withFiles = reviews.some((r) => r.files.length > 0);
  return (
    <section id="relectures" aria-labelledby="relectures-titre">
      <h2 id="relectures-titre">{t(lang, 'Les avis des relecteurs', 'The reviewers’ opinions')}</h2>
      <p>
        {t(
          lang,
          'Le comité vous a transmis ces avis avec sa décision, sans le nom des personnes qui ont relu votre texte.',
          'The committee passed these opinions on to you with its decision, without the names of the people who read your text.',
        )}
        {withFiles &&
          t(
            lang,
            ' Ouvrez les textes annotés dans Word ou LibreOffice : les remarques sont dans la marge (commentaires) et dans le texte (modifications suivies), signées « Relecture ».',
            ' Open the annotated texts in Word or LibreOffice: the remarks are in the margin (comments) and in the text (tracked changes), signed “Relecture” (review).',
          )}
      </p>
      {reviews.map((review) => (
        <Review
          key={`${review.versionNumber}-${review.reviewNumber}`}
          {...props}
          review={review}
          rounds={rounds}
        />
      ))}
    </section>
  );
}

function Review({
  call,
  lang,
  path,
  review,
  rounds,
}: LinkPageProps & { review: SharedReview; rounds: number }) {
  const q = langQuery(lang);
  const name = t(lang, `Relecture ${review.reviewNumber}`, `Review ${review.reviewNumber}`);
  return (
    <article class="review">
      <h3>
        {name}
        {rounds > 1 && t(lang, ` (version ${review.versionNumber})`, ` (version ${review.versionNumber})`)}
      </h3>
      <p class="prose">{review.forAuthors}</p>
      {review.files.length > 0 && (
        <ul>
          {review.files.map((f, i) => (
            <li key={f.id}>
              <a href={`${path}/relectures/${f.id}${q}`}>
                {review.files.length > 1
                  ? t(lang, `Texte annoté ${i + 1}`, `Annotated text ${i + 1}`)
                  : t(lang, 'Texte annoté', 'Annotated text')}
                <span class="visually-hidden">{` (${name})`}</span>
              </a>{' '}
              ({t(lang, `fichier ${FORMAT_NAMES[f.format]}`, `${FORMAT_NAMES[f.format]} file`)},{' '}
              {fileSize(f.byteSize, lang)}) — {t(lang, 'transmis le ', 'passed on on ')}
              {formatInstant(Date.parse(f.sharedAt), call.deadline.timeZone, lang)}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
