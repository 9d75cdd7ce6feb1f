import type { Message } from '../shared/message.js';
import type { Actor as LifecycleActor } from '../submission/lifecycle.js';

/**
 * The people who sign in to the desk. Authors never sign in: their private link is their key.
 *
 * - committee: members of the editorial committee read every submission and take the committee's
 *   decisions (the transition table says which);
 * - coordinator: the coordinators run the call: statuses, exports, the deadline;
 * - administrator: whoever hosts the desk; everything a coordinator does, plus the accounts.
 */
export const ROLES = ['committee', 'coordinator', 'administrator'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export const ROLE_LABELS: Record<Role, Message> = {
  committee: { fr: 'membre du comité de rédaction', en: 'editorial committee member' },
  coordinator: { fr: 'coordinateur·rice du dossier', en: 'issue coordinator' },
  administrator: { fr: 'administrateur·rice', en: 'administrator' },
};

/**
 * Who a signed-in person is in the ONE transition table. An administrator acts as a coordinator:
 * the hosting person of a small journal is usually one of the coordinators.
 */
export function lifecycleActorOf(role: Role): LifecycleActor {
  return role === 'committee' ? 'committee' : 'coordinator';
}
