import { type Finding, finding } from '../../shared/finding.js';
import { msg } from '../../shared/typography.js';
import type { Call } from '../schema.js';
import { notChecked } from './not-checked.js';

/** What the author agreed to when submitting; undefined when the question was not asked. */
export interface Consents {
  /** Consent to possible online publication. */
  onlinePublication?: boolean;
  /** Acceptance that the manuscript is given free of charge. */
  freeOfCharge?: boolean;
}

/**
 * The call's conditions the author must accept. A missing or refused consent is an error: the
 * editors cannot publish without it, and the author can fix it with one answer.
 */
export function checkConsents(call: Pick<Call, 'consents'>, consents: Consents | undefined): Finding[] {
  if (consents === undefined) {
    return [
      notChecked(
        'consents',
        { fr: 'Autorisations', en: 'Consents' },
        { fr: 'réponses non fournies', en: 'answers not given' },
      ),
    ];
  }
  const findings: Finding[] = [];
  if (call.consents.onlinePublication && consents.onlinePublication !== true) {
    findings.push(
      finding(
        'consents.online_publication_missing',
        'error',
        msg(
          'L’appel suppose votre autorisation d’une mise en ligne possible du texte sur Internet ; elle n’est pas donnée.',
          'The call requires your consent to possible online publication of the text; it has not been given.',
        ),
        msg(
          'Confirmez que vous autorisez la mise en ligne éventuelle de votre texte (case à cocher, ou une phrase dans votre message).',
          'Confirm that you consent to possible online publication of your text (tick the box, or say so in your message).',
        ),
        { given: consents.onlinePublication ?? null },
      ),
    );
  }
  if (call.consents.freeOfCharge && consents.freeOfCharge !== true) {
    findings.push(
      finding(
        'consents.free_of_charge_missing',
        'error',
        msg(
          'Les manuscrits sont remis à titre gracieux ; votre accord sur ce point n’est pas donné.',
          'Manuscripts are given free of charge; your agreement on this point has not been given.',
        ),
        msg(
          'Confirmez que vous remettez votre texte à titre gracieux (case à cocher, ou une phrase dans votre message).',
          'Confirm that you give your text free of charge (tick the box, or say so in your message).',
        ),
        { given: consents.freeOfCharge ?? null },
      ),
    );
  }
  if (findings.length === 0) {
    findings.push(
      finding(
        'consents.ok',
        'info',
        msg('Les autorisations demandées sont données.', 'The consents asked for are given.'),
      ),
    );
  }
  return findings;
}
