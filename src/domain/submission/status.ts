/**
 * The statuses of a submission. The transitions between them live in ONE table
 * (lifecycle.ts); nothing else assigns a status.
 */
export const STATUSES = [
  'received',
  'incomplete',
  'complete',
  'in_review',
  'revisions_requested',
  'accepted',
  'declined',
  'contract_sent',
  'contract_signed',
  'in_issue',
  'published',
  'withdrawn',
  'late',
] as const;

export type Status = (typeof STATUSES)[number];
