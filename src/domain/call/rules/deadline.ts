import { type Finding, finding } from '../../shared/finding.js';
import { msg } from '../../shared/typography.js';
import { timeliness } from '../deadline.js';
import { dayMessage, instantMessage } from '../format-date.js';
import type { CallDeadline } from '../schema.js';
import { notChecked } from './not-checked.js';

/**
 * Received-at against the deadline in force. Lateness is a warning, not an error: a late
 * manuscript is recorded like any other and the coordinators decide whether to take it, so the
 * author is told so rather than told they failed.
 */
export function checkDeadline(deadline: CallDeadline, receivedAt: Date | undefined): Finding[] {
  if (receivedAt === undefined || Number.isNaN(receivedAt.getTime())) {
    return [
      notChecked(
        'deadline',
        { fr: 'Date limite', en: 'Deadline' },
        { fr: 'date de réception inconnue', en: 'date of receipt unknown' },
      ),
    ];
  }
  const t = timeliness(deadline, receivedAt.getTime());
  const when = instantMessage(receivedAt.getTime(), deadline.timeZone);
  const last = dayMessage(t.deadline.date);
  const data = { deadline: t.deadline.date, timeZone: deadline.timeZone, minutesLate: t.minutesLate };
  switch (t.kind) {
    case 'on_time':
      return [
        finding(
          'deadline.on_time',
          'info',
          msg(
            `Reçu le ${when.fr}, dans les délais (date limite : ${last.fr} inclus).`,
            `Received on ${when.en}, on time (deadline: ${last.en}, inclusive).`,
          ),
          undefined,
          data,
        ),
      ];
    case 'within_extension':
      return [
        finding(
          'deadline.within_extension',
          'info',
          msg(
            `Reçu le ${when.fr}, dans le délai de la prolongation (jusqu’au ${last.fr} inclus).`,
            `Received on ${when.en}, within the extended deadline (until ${last.en}, inclusive).`,
          ),
          undefined,
          data,
        ),
      ];
    case 'within_grace':
      return [
        finding(
          'deadline.within_grace',
          'info',
          msg(
            `Reçu le ${when.fr}, ${t.minutesLate} min après la fin du ${last.fr}, dans la tolérance prévue : le manuscrit est dans les délais.`,
            `Received on ${when.en}, ${t.minutesLate} min after the end of ${last.en}, within the allowed tolerance: the manuscript is on time.`,
          ),
          undefined,
          data,
        ),
      ];
    case 'late':
      return [
        finding(
          'deadline.late',
          'warning',
          msg(
            `Reçu le ${when.fr}, après la date limite (${last.fr} inclus). Votre manuscrit est bien enregistré ; les coordinateurs du dossier décideront s’ils peuvent le retenir.`,
            `Received on ${when.en}, after the deadline (${last.en}, inclusive). Your manuscript is recorded; the issue coordinators will decide whether they can take it.`,
          ),
          msg(
            'Vous n’avez rien à faire : vous recevrez la réponse des coordinateurs. Si un échange avec eux vous accordait un délai, mentionnez-le.',
            'There is nothing for you to do: the coordinators will answer. If they granted you more time, say so.',
          ),
          { ...data, flagForCoordinators: true },
        ),
      ];
  }
}
