import { callText } from '../../../domain/call/call-text.js';
import type { Call } from '../../../domain/call/schema.js';
import type { Lang } from '../../../domain/shared/message.js';

/** The language the call's own texts are written in (its first language). */
export function callLanguage(call: Pick<Call, 'languages'>): string {
  return call.languages[0] ?? 'fr';
}

/**
 * A text of the call's file (theme, summary, a line of inquiry) in a page: typeset for its own
 * language (callText), and marked with that language when the page is in another one, so that a
 * screen reader reads the French words of the call with a French voice on an English page.
 */
export function CallWords({ call, lang, text }: { call: Call; lang: Lang; text: string }) {
  const own = callLanguage(call);
  const shown = callText(call, text);
  return own === lang ? shown : <span lang={own}>{shown}</span>;
}

/** For an element that cannot hold a <span> (an <option>): its lang attribute, when it differs. */
export function callLangAttribute(call: Pick<Call, 'languages'>, lang: Lang): { lang?: string } {
  const own = callLanguage(call);
  return own === lang ? {} : { lang: own };
}

/** The title of the call's line of inquiry with this id, as CallWords shows it; `fallback` for none. */
export function AxisName(props: { call: Call; lang: Lang; id: string | null | undefined; fallback: string }) {
  const { call, lang, id, fallback } = props;
  const axis = id ? call.axes.find((a) => a.id === id) : undefined;
  return axis ? <CallWords call={call} lang={lang} text={axis.title} /> : fallback;
}
