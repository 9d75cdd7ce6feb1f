import type { DraftCheck } from '../../../../app/author-check-draft.js';
import type { Call } from '../../../../domain/call/schema.js';
import type { Lang } from '../../../../domain/shared/message.js';
import type { SubmissionRecord } from '../../../../ports/submission-store.js';
import { t } from '../../lang.js';
import { Layout } from '../layout.js';
import { CsrfField, FindingList, fileSize, langQuery, shown } from './parts.js';
import { VerdictBlock } from './verdict.js';

/** The confirmation step before withdrawing: what it means, and two plain choices. */
export function WithdrawPage(props: {
  call: Call;
  lang: Lang;
  path: string;
  record: SubmissionRecord;
  csrf: string;
}) {
  const { call, lang, path, record, csrf } = props;
  const title = t(lang, 'Retirer votre proposition ?', 'Withdraw your proposal?');
  return (
    <Layout lang={lang} title={title} journal={call.journal} path={`${path}/retirer`}>
      <h1>{title}</h1>
      <p>
        {t(lang, 'Proposition : ', 'Proposal: ')}
        <strong>{shown(record.title, 300)}</strong>
      </p>
      <p>
        {t(
          lang,
          'Si vous la retirez, les coordinateurs du dossier ne l’examineront plus et elle ne pourra pas paraître dans ce numéro. Vous ne pourrez pas annuler ce retrait vous-même.',
          'If you withdraw it, the issue coordinators will no longer consider it and it cannot appear in this issue. You will not be able to undo this yourself.',
        )}
      </p>
      <form method="post" action={`${path}/retirer${langQuery(lang)}`} data-once="">
        <CsrfField token={csrf} />
        <p class="actions">
          <button type="submit" name="confirmer" value="oui">
            {t(lang, 'Oui, retirer ma proposition', 'Yes, withdraw my proposal')}
          </button>{' '}
          <a class="button secondary" href={`${path}${langQuery(lang)}`}>
            {t(lang, 'Non, la garder', 'No, keep it')}
          </a>
        </p>
      </form>
    </Layout>
  );
}

export interface VersionCheckProps {
  call: Call;
  lang: Lang;
  path: string;
  record: SubmissionRecord;
  csrf: string;
  draft: string;
  file: { name: string; byteSize: number };
  check: DraftCheck;
}

/** A new version checked before it is recorded: send it, or choose another file. */
export function VersionCheckPage({ call, lang, path, record, csrf, draft, file, check }: VersionCheckProps) {
  const m = check.analysis.manuscript;
  const title = t(lang, 'Vérification de votre nouvelle version', 'Your new version checked');
  const good = check.verdict === 'pass';
  const remarks = check.submissionFindings.filter((f) => f.severity !== 'info');
  return (
    <Layout lang={lang} title={title} journal={call.journal} path={path}>
      <h1>{title}</h1>
      <p>
        {t(lang, 'Proposition : ', 'Proposal: ')}
        <strong>{shown(record.title, 300)}</strong>
      </p>
      <p>
        {t(lang, 'Fichier : ', 'File: ')}
        <strong>{shown(file.name)}</strong> ({fileSize(file.byteSize, lang)})
      </p>
      <VerdictBlock
        call={call}
        lang={lang}
        verdict={check.verdict}
        signes={m?.counts.signes.total ?? null}
        approximate={m?.counts.approximate ?? false}
        findings={check.findings}
      />
      {remarks.length > 0 && <FindingList findings={remarks} lang={lang} />}
      <form
        method="post"
        action={`${path}/version${langQuery(lang)}`}
        enctype="multipart/form-data"
        data-once=""
      >
        <CsrfField token={csrf} />
        <input type="hidden" name="brouillon" value={draft} />
        <p class="actions">
          <button type="submit" name="action" value="envoyer" class={good ? '' : 'secondary'}>
            {good
              ? t(lang, 'Envoyer cette version', 'Send this version')
              : t(lang, 'Envoyer quand même', 'Send anyway')}
          </button>{' '}
          <a class={`button${good ? ' secondary' : ''}`} href={`${path}${langQuery(lang)}#nouvelle-version`}>
            {t(lang, 'Choisir un autre fichier', 'Choose another file')}
          </a>
        </p>
      </form>
    </Layout>
  );
}
