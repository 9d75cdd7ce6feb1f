import type { Preview, PreviewParagraph } from '../../../../app/desk-preview.js';
import type { Call } from '../../../../domain/call/schema.js';
import type { Lang } from '../../../../domain/shared/message.js';
import type { AccountRecord } from '../../../../ports/accounts.js';
import type { SubmissionRecord, VersionRecord } from '../../../../ports/submission-store.js';
import { say, t } from '../../lang.js';
import { DeskLayout } from './layout.js';

/** Headings of the manuscript sit under the page's own h2: level 1 becomes h3, and so on. */
function Heading({ p }: { p: PreviewParagraph }) {
  const level = Math.min(6, (p.heading ?? 1) + 2);
  if (level === 3) return <h3>{p.text}</h3>;
  if (level === 4) return <h4>{p.text}</h4>;
  if (level === 5) return <h5>{p.text}</h5>;
  return <h6>{p.text}</h6>;
}

/**
 * The manuscript as readable HTML: its paragraphs and headings as text, escaped by the renderer,
 * so nothing in the file (markup, links, scripts) ever reaches the page as code. Notes and text
 * boxes follow the body, marked as such.
 */
export function PreviewText({ preview, lang }: { preview: Preview; lang: Lang }) {
  if (!preview.ok) return <p class="alert">{say(preview.reason, lang)}</p>;
  const body = preview.paragraphs.filter((p) => p.story === 'body');
  const notes = preview.paragraphs.filter((p) => p.story === 'footnote' || p.story === 'endnote');
  const boxes = preview.paragraphs.filter((p) => p.story === 'textbox');
  return (
    <div class="preview">
      {body.map((p, i) => (p.heading ? <Heading key={i} p={p} /> : <p key={i}>{p.text}</p>))}
      {boxes.length > 0 && (
        <>
          <h3>{t(lang, 'Zones de texte', 'Text boxes')}</h3>
          {boxes.map((p, i) => (
            <p key={i} class="note">
              {p.text}
            </p>
          ))}
        </>
      )}
      {notes.length > 0 && (
        <>
          <h3>{t(lang, 'Notes', 'Notes')}</h3>
          <ol>
            {notes.map((p, i) => (
              <li key={i} class="note">
                {p.text}
              </li>
            ))}
          </ol>
        </>
      )}
      {preview.truncated && (
        <p>
          <em>
            {t(
              lang,
              'La suite du texte est dans le fichier reçu.',
              'The rest of the text is in the file received.',
            )}
          </em>
        </p>
      )}
    </div>
  );
}

export function PreviewPage(props: {
  lang: Lang;
  call: Call;
  staff: AccountRecord;
  csrf: string;
  path: string;
  record: SubmissionRecord;
  version: VersionRecord;
  preview: Preview;
}) {
  const { lang, call, staff, csrf, path, record, version, preview } = props;
  const title = t(
    lang,
    `${record.title} — version ${version.number}`,
    `${record.title} — version ${version.number}`,
  );
  return (
    <DeskLayout
      lang={lang}
      title={title}
      journal={call.journal}
      path={path}
      staff={staff}
      csrf={csrf}
      section="submissions"
    >
      <p>
        <a href={`/bureau/propositions/${record.id}`}>{t(lang, '← La proposition', '← The submission')}</a>
      </p>
      <h1>{title}</h1>
      <h2>{t(lang, 'Le texte', 'The text')}</h2>
      <PreviewText preview={preview} lang={lang} />
    </DeskLayout>
  );
}
