import cliProgress from 'cli-progress';
import type { ImportSummary, MessageOutcomeKind } from '../app/import-summary.js';
import type { CliIo } from './io.js';

const LABEL: Record<MessageOutcomeKind, string> = {
  submission: 'nouvelle proposition / new submission',
  version: 'nouvelle version / new version',
  duplicate: 'déjà reçu / already received',
  ignored: 'ignoré (message automatique ou sans manuscrit) / ignored',
  'too-large': 'trop volumineux, non lu / too large, not read',
  'reader-reply': 'réponse d’un relecteur / a reader’s reply',
  error: 'erreur / error',
};

/**
 * Progress of a long import: a bar on a terminal, one plain line per message otherwise (logs,
 * CI). The lines name outcomes only, never a sender or a subject.
 */
export function importProgress(io: CliIo, isTty = Boolean(process.stderr.isTTY)) {
  if (!isTty) {
    return {
      tick: (outcome: MessageOutcomeKind, summary: ImportSummary) =>
        io.err(`message ${summary.messages}: ${LABEL[outcome]}`),
      stop: () => {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      format: 'messages {value} | propositions {submissions} | versions {versions} | erreurs {errors}',
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    tick: (_outcome: MessageOutcomeKind, summary: ImportSummary) => {
      if (!started) {
        bar.start(0, 0, { submissions: 0, versions: 0, errors: 0 });
        started = true;
      }
      bar.setTotal(summary.messages);
      bar.update(summary.messages, { ...summary });
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}

/**
 * Over-size messages have a line of their own, only when there are some: they were not ignored
 * (each was recorded and flagged, and a person who sent one is told how to send again), but
 * nothing of them was read either.
 */
export function summaryText(s: ImportSummary): string {
  const fr = [
    `Messages lus : ${s.messages} — nouvelles propositions : ${s.submissions}, nouvelles versions : ${s.versions}, déjà reçus : ${s.duplicates}, ignorés : ${s.ignored}, erreurs : ${s.errors}.`,
  ];
  const en = [
    `Messages read: ${s.messages} — new submissions: ${s.submissions}, new versions: ${s.versions}, already received: ${s.duplicates}, ignored: ${s.ignored}, errors: ${s.errors}.`,
  ];
  if (s.tooLarge > 0) {
    fr.push(
      `Trop volumineux, non lus : ${s.tooLarge} (enregistrés ; une réponse dit aux personnes comment renvoyer leur texte).`,
    );
    en.push(
      `Too large, not read: ${s.tooLarge} (recorded; a reply tells people how to send their text again).`,
    );
  }
  if (s.readerReplies > 0) {
    fr.push(
      `Réponses de relecteurs à une demande de relecture : ${s.readerReplies} (leurs fichiers sont joints à leur relecture).`,
    );
    en.push(
      `Readers’ replies to a review request: ${s.readerReplies} (their files are added to their review).`,
    );
  }
  return [...fr, ...en].join('\n');
}
