import type { Verdict } from '../../../../app/desk-dashboard.js';
import type { Lang, Message } from '../../../../domain/shared/message.js';
import type { Channel } from '../../../../ports/submission-store.js';
import { t } from '../../lang.js';

export const CHANNEL_NAMES: Record<Channel, Message> = {
  email: { fr: 'courriel', en: 'e-mail' },
  web: { fr: 'formulaire', en: 'web form' },
  cli: { fr: 'ligne de commande', en: 'command line' },
};

export const VERDICT_NAMES: Record<Verdict, Message> = {
  pass: { fr: 'conforme', en: 'meets the rules' },
  fail: { fr: 'non conforme', en: 'fails a rule' },
  unreadable: { fr: 'illisible', en: 'unreadable' },
};

/**
 * The length against the window, as a small bar beside the figure (which says the same in words,
 * so the drawing is hidden from screen readers): the green band is the window, the mark the text.
 */
export function LengthBar({ signes, min, max }: { signes: number | null; min: number; max: number }) {
  if (signes === null) return null;
  const end = Math.max(max * 1.5, signes);
  const x = (n: number) => (n / end) * 120;
  const mark = Math.min(118, x(signes));
  const inside = signes >= min && signes <= max;
  return (
    <svg class="bar" width="120" height="12" viewBox="0 0 120 12" aria-hidden="true" focusable="false">
      <rect x="0" y="3" width="120" height="6" fill="#eeeeee" />
      <rect x={x(min)} y="3" width={x(max) - x(min)} height="6" fill="#b9dcc1" />
      <rect x={mark} y="0" width="3" height="12" fill={inside ? '#176b2c' : '#a11d1d'} />
    </svg>
  );
}

/** The authenticator's six-digit code, as people type it (spaces allowed), with the phone's autofill. */
export function CodeField({ lang, label, invalid }: { lang: Lang; label: string; invalid?: boolean }) {
  return (
    <>
      <label for="code">
        {label}
        <span class="hint" id="code-hint">
          {t(lang, '6 chiffres, par exemple 123 456', '6 digits, for example 123 456')}
        </span>
      </label>
      <input
        type="text"
        id="code"
        name="code"
        inputmode="numeric"
        autocomplete="one-time-code"
        maxLength={8}
        required
        aria-describedby="code-hint"
        aria-invalid={invalid ? 'true' : undefined}
      />
    </>
  );
}
