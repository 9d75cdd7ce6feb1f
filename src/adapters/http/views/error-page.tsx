import type { Lang, Message } from '../../../domain/shared/message.js';
import { say, t } from '../lang.js';
import { Layout } from './layout.js';

export function ErrorPage(props: { lang: Lang; journal: string; message: Message; fix: Message }) {
  const { lang, journal, message, fix } = props;
  return (
    <Layout lang={lang} title={t(lang, 'Un problème', 'A problem')} journal={journal} path="/">
      <h1>{say(message, lang)}</h1>
      <p>{say(fix, lang)}</p>
      <p>
        <a href="/">{t(lang, 'Retour à la page de l’appel', 'Back to the call’s page')}</a>
      </p>
    </Layout>
  );
}
