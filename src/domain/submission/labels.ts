import type { Message } from '../shared/message.js';
import type { Status } from './status.js';

/** The words people read for each status, in letters, pages and error messages. */
export const STATUS_LABELS: Record<Status, Message> = {
  received: { fr: 'reçue', en: 'received' },
  incomplete: { fr: 'incomplète (en attente de l’auteur)', en: 'incomplete (waiting for the author)' },
  complete: { fr: 'complète', en: 'complete' },
  in_review: { fr: 'en évaluation', en: 'in review' },
  revisions_requested: { fr: 'modifications demandées', en: 'revisions requested' },
  accepted: { fr: 'acceptée', en: 'accepted' },
  declined: { fr: 'refusée', en: 'declined' },
  contract_sent: { fr: 'contrat d’édition envoyé', en: 'publishing contract sent' },
  contract_signed: { fr: 'contrat d’édition signé', en: 'publishing contract signed' },
  in_issue: { fr: 'au sommaire du numéro', en: 'in the issue' },
  published: { fr: 'publiée', en: 'published' },
  withdrawn: { fr: 'retirée par l’auteur', en: 'withdrawn by the author' },
  late: { fr: 'arrivée après la date limite', en: 'received after the deadline' },
};

/**
 * The words the desk's timeline gives the events that are not moves of the lifecycle table (those
 * read ACTION_LABELS, in lifecycle.ts). Keyed by the event's action as the use cases record it.
 */
export const EVENT_LABELS: Readonly<Record<string, Message>> = {
  'submission.received': { fr: 'proposition reçue', en: 'submission received' },
  'version.received': { fr: 'nouvelle version reçue', en: 'new version received' },
  'version.refused': {
    fr: 'nouveau fichier refusé : la décision était déjà prise',
    en: 'new file refused: the decision was already taken',
  },
  'details.completed': {
    fr: 'coordonnées données ou corrigées',
    en: 'contact details given or corrected',
  },
  'link.sent_by_desk': {
    fr: 'nouveau lien de suivi envoyé à la personne à contacter par le bureau',
    en: 'new follow-up link sent to the contact person by the desk',
  },
  'link.sent_again': {
    fr: 'nouveau lien de suivi envoyé à la personne à contacter, à sa demande',
    en: 'new follow-up link sent to the contact person, at their request',
  },
  'review.requested': { fr: 'relecture demandée', en: 'review requested' },
  'review.submitted': { fr: 'avis de relecture rendu', en: 'review opinion given' },
  'review.declined': {
    fr: 'relecture déclinée par la personne sollicitée',
    en: 'review declined by the reader',
  },
  'review.cancelled': { fr: 'demande de relecture annulée', en: 'review request cancelled' },
  'review.file_added': {
    fr: 'texte annoté envoyé par la personne qui relit',
    en: 'annotated text sent by the reader',
  },
  'review.email_received': {
    fr: 'message de la personne qui relit, reçu dans la boîte de la revue',
    en: 'message from the reader, received in the journal’s mailbox',
  },
  'reminder.completion': {
    fr: 'rappel à la personne à contacter : proposition incomplète, nouveau lien de suivi',
    en: 'reminder to the contact person: submission incomplete, new follow-up link',
  },
  'note.written': { fr: 'note de la rédaction écrite', en: 'editorial note written' },
  'note.removed': {
    fr: 'note de la rédaction retirée par son auteur',
    en: 'editorial note taken back by its writer',
  },
  'contract.attached': { fr: 'contrat d’édition joint', en: 'publishing contract attached' },
  'contract.returned': {
    fr: 'contrat signé renvoyé par l’auteur',
    en: 'signed contract sent back by the author',
  },
  'review.reminded': {
    fr: 'rappel envoyé à la personne qui relit, avec un nouveau lien',
    en: 'reminder sent to the reader, with a new link',
  },
};
