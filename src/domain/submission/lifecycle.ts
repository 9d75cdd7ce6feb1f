import { AppError } from '../shared/errors.js';
import type { Message } from '../shared/message.js';
import { STATUS_LABELS } from './labels.js';
import { type FieldName, fieldList, missingFieldsFor, type StatusFacts } from './requirements.js';
import type { Status } from './status.js';

export { type FieldName, missingFieldsFor, type StatusFacts } from './requirements.js';

/**
 * The lifecycle of a submission: ONE table of transitions, and nothing else assigns a status.
 * An action that does not apply, or that the actor may not take, is an error with a code — never
 * a silent no-op (a coordinator clicking "accept" twice learns it was already done).
 */

/** Who acts. Reviewers read and advise; they never change a status themselves. */
export type Actor = 'author' | 'coordinator' | 'committee' | 'reviewer' | 'system';

export const ACTIONS = [
  'mark_incomplete',
  'mark_complete',
  'mark_late',
  'accept_late',
  'send_to_review',
  'request_revisions',
  'submit_revision',
  'accept',
  'decline',
  'send_contract',
  'record_signed_contract',
  'place_in_issue',
  'publish',
  'withdraw',
] as const;
export type Action = (typeof ACTIONS)[number];
export const ACTORS: readonly Actor[] = ['author', 'coordinator', 'committee', 'reviewer', 'system'];

export interface Transition {
  from: Status;
  action: Action;
  to: Status;
  by: readonly Actor[];
}

const EDITORS: readonly Actor[] = ['coordinator', 'committee'];
// The author may withdraw at any stage before the issue is made up; after that, the editors decide.
const WITHDRAWABLE: readonly Status[] = [
  'received',
  'incomplete',
  'complete',
  'in_review',
  'revisions_requested',
  'accepted',
  'contract_sent',
  'contract_signed',
  'late',
];
// Coordinators may decline at any stage before acceptance (off-topic, late, never completed).
const DECLINABLE: readonly Status[] = [
  'received',
  'incomplete',
  'complete',
  'late',
  'in_review',
  'revisions_requested',
];

export const TRANSITIONS: readonly Transition[] = [
  { from: 'received', action: 'mark_incomplete', to: 'incomplete', by: ['system', 'coordinator'] },
  { from: 'received', action: 'mark_complete', to: 'complete', by: ['system', 'coordinator'] },
  { from: 'received', action: 'mark_late', to: 'late', by: ['system'] },
  { from: 'late', action: 'accept_late', to: 'received', by: ['coordinator'] },
  { from: 'incomplete', action: 'mark_complete', to: 'complete', by: ['system', 'coordinator'] },
  { from: 'complete', action: 'mark_incomplete', to: 'incomplete', by: ['system', 'coordinator'] },
  { from: 'complete', action: 'send_to_review', to: 'in_review', by: ['coordinator'] },
  { from: 'in_review', action: 'request_revisions', to: 'revisions_requested', by: EDITORS },
  { from: 'in_review', action: 'accept', to: 'accepted', by: EDITORS },
  { from: 'revisions_requested', action: 'submit_revision', to: 'in_review', by: ['author', 'system'] },
  { from: 'accepted', action: 'send_contract', to: 'contract_sent', by: ['coordinator', 'system'] },
  {
    from: 'contract_sent',
    action: 'record_signed_contract',
    to: 'contract_signed',
    by: ['coordinator', 'author'],
  },
  { from: 'contract_signed', action: 'place_in_issue', to: 'in_issue', by: EDITORS },
  { from: 'in_issue', action: 'publish', to: 'published', by: ['coordinator', 'system'] },
  ...DECLINABLE.map((from): Transition => ({ from, action: 'decline', to: 'declined', by: EDITORS })),
  ...WITHDRAWABLE.map((from): Transition => ({ from, action: 'withdraw', to: 'withdrawn', by: ['author'] })),
];

export const ACTION_LABELS: Record<Action, Message> = {
  mark_incomplete: { fr: 'déclarer incomplète', en: 'mark incomplete' },
  mark_complete: { fr: 'déclarer complète', en: 'mark complete' },
  mark_late: { fr: 'signaler le retard', en: 'flag as late' },
  accept_late: { fr: 'accepter malgré le retard', en: 'accept despite the delay' },
  send_to_review: { fr: 'envoyer en évaluation', en: 'send to review' },
  request_revisions: { fr: 'demander des modifications', en: 'request revisions' },
  submit_revision: { fr: 'déposer une version révisée', en: 'submit a revised version' },
  accept: { fr: 'accepter', en: 'accept' },
  decline: { fr: 'refuser', en: 'decline' },
  send_contract: { fr: 'envoyer le contrat d’édition', en: 'send the publishing contract' },
  record_signed_contract: { fr: 'enregistrer le contrat signé', en: 'record the signed contract' },
  place_in_issue: { fr: 'placer au sommaire', en: 'place in the issue' },
  publish: { fr: 'publier', en: 'publish' },
  withdraw: { fr: 'retirer la proposition', en: 'withdraw the submission' },
};

/** The editorial committee's decisions: those the author is told of by letter (when the desk asks). */
export const DECISION_ACTIONS = [
  'accept',
  'decline',
  'request_revisions',
] as const satisfies readonly Action[];
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

export function isDecision(action: Action): action is DecisionAction {
  return (DECISION_ACTIONS as readonly string[]).includes(action);
}

export const ACTOR_LABELS: Record<Actor, Message> = {
  author: { fr: 'l’auteur', en: 'the author' },
  coordinator: { fr: 'un coordinateur du dossier', en: 'an issue coordinator' },
  committee: { fr: 'le comité de rédaction', en: 'the editorial committee' },
  reviewer: { fr: 'un relecteur', en: 'a reviewer' },
  system: { fr: 'le système', en: 'the system' },
};

export type TransitionResult =
  | { ok: true; status: Status; transition: Transition }
  | { ok: false; error: AppError };

/** Statuses with no way out. */
export function isFinal(status: Status): boolean {
  return !TRANSITIONS.some((t) => t.from === status);
}

/** The actions possible from a status, optionally only those a given actor may take. */
export function availableTransitions(current: Status, actor?: Actor): Transition[] {
  return TRANSITIONS.filter((t) => t.from === current && (actor === undefined || t.by.includes(actor)));
}

function join(items: readonly Message[], lang: 'fr' | 'en', none: string): string {
  return items.length === 0 ? none : items.map((m) => m[lang]).join(', ');
}

/**
 * The new status after `action` by `actor`, or a coded error. With `facts`, moving to a status
 * whose required fields are missing is refused too (phone and address from `complete`, …).
 */
export function transition(
  current: Status,
  action: Action,
  actor: Actor,
  facts?: StatusFacts,
): TransitionResult {
  const t = TRANSITIONS.find((x) => x.from === current && x.action === action);
  if (!t) {
    const allowed = availableTransitions(current).map((x) => ACTION_LABELS[x.action]);
    const error = new AppError('ILLEGAL_TRANSITION', {
      action,
      from: current,
      actionFr: ACTION_LABELS[action].fr,
      actionEn: ACTION_LABELS[action].en,
      fromFr: STATUS_LABELS[current].fr,
      fromEn: STATUS_LABELS[current].en,
      allowedFr: join(allowed, 'fr', 'aucune (état final)'),
      allowedEn: join(allowed, 'en', 'none (final status)'),
    });
    return { ok: false, error };
  }
  if (!t.by.includes(actor)) {
    const allowed = t.by.map((a) => ACTOR_LABELS[a]);
    const error = new AppError('ACTION_NOT_ALLOWED', {
      action,
      actor,
      actionFr: ACTION_LABELS[action].fr,
      actionEn: ACTION_LABELS[action].en,
      actorFr: ACTOR_LABELS[actor].fr,
      actorEn: ACTOR_LABELS[actor].en,
      allowedFr: join(allowed, 'fr', ''),
      allowedEn: join(allowed, 'en', ''),
    });
    return { ok: false, error };
  }
  if (facts) {
    const missing = missingFieldsFor(t.to, facts);
    if (missing.length > 0) return { ok: false, error: fieldsMissing(t.to, missing) };
  }
  return { ok: true, status: t.to, transition: t };
}

function fieldsMissing(to: Status, missing: readonly FieldName[]): AppError {
  const list = fieldList(missing);
  return new AppError('FIELDS_MISSING', {
    to,
    toFr: STATUS_LABELS[to].fr,
    toEn: STATUS_LABELS[to].en,
    missingFr: list.fr,
    missingEn: list.en,
    missing: missing.join(','),
  });
}
