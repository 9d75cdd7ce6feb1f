import { type Finding, finding } from '../../shared/finding.js';
import { msg } from '../../shared/typography.js';
import type { Call } from '../schema.js';
import { notChecked } from './not-checked.js';

/**
 * The journal's own extra checks, listed in the call file: reminders shown as they are, and
 * « avoid-text » patterns counted in the manuscript's text. Patterns come from the journal's
 * own call file, which is trusted like the rest of the configuration.
 */
export function checkHouseStyle(call: Pick<Call, 'houseStyle'>, text: string | undefined): Finding[] {
  const findings: Finding[] = [];
  const textChecks = call.houseStyle.filter((c) => c.kind === 'avoid-text');
  for (const check of call.houseStyle) {
    if (check.kind === 'reminder') {
      findings.push(finding(`house_style.${check.id}`, check.severity, msg(check.label.fr, check.label.en)));
    }
  }
  if (textChecks.length === 0) return findings;
  if (text === undefined) {
    findings.push(
      notChecked(
        'house_style',
        { fr: 'Recommandations de la revue', en: 'House style' },
        { fr: 'texte non fourni', en: 'text not given' },
      ),
    );
    return findings;
  }
  for (const check of textChecks) {
    const count = [...text.matchAll(new RegExp(check.pattern ?? '', 'gu'))].length;
    if (count === 0) continue;
    findings.push(
      finding(
        `house_style.${check.id}`,
        check.severity,
        msg(
          `${check.label.fr} (${count} occurrence${count > 1 ? 's' : ''})`,
          `${check.label.en} (${count} found)`,
        ),
        undefined,
        { occurrences: count },
      ),
    );
  }
  return findings;
}
