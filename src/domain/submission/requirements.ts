import type { Message } from '../shared/message.js';
import type { Status } from './status.js';

/**
 * Which details a submission must have from which status on (Trackdéchets' idea: requirements
 * are data, keyed by status). A manuscript may arrive without a phone number; it cannot be
 * `complete` without one, and it cannot be `contract_signed` without the signed contract.
 */

export type FieldName =
  | 'manuscript'
  | 'contactPerson'
  | 'contactEmail'
  | 'phone'
  | 'postalAddress'
  | 'consentOnlinePublication'
  | 'consentFreeOfCharge'
  | 'signedContract';

/** What the record holds, as plain values; an absent or empty value counts as missing. */
export interface StatusFacts {
  /** At least one manuscript version is stored. */
  manuscript?: boolean;
  /** Exactly one contact person is named among the authors. */
  contactPerson?: boolean;
  contactEmail?: string;
  phone?: string;
  postalAddress?: string;
  consents?: { onlinePublication?: boolean; freeOfCharge?: boolean };
  signedContract?: boolean;
}

/** What the call asks for: a call that does not ask for a phone never requires one. */
export interface CallRequirements {
  contactDetails: { phone: boolean; postalAddress: boolean };
  consents: { onlinePublication: boolean; freeOfCharge: boolean };
  contract: { required: boolean };
}

// The main path, in order; `late` waits where `received` does.
const PATH: readonly Status[] = [
  'received',
  'incomplete',
  'complete',
  'in_review',
  'revisions_requested',
  'accepted',
  'contract_sent',
  'contract_signed',
  'in_issue',
  'published',
];

const REQUIRED_FROM: Record<FieldName, Status> = {
  manuscript: 'received',
  contactPerson: 'complete',
  contactEmail: 'complete',
  phone: 'complete',
  postalAddress: 'complete',
  consentOnlinePublication: 'complete',
  consentFreeOfCharge: 'complete',
  signedContract: 'contract_signed',
};

export const FIELD_LABELS: Record<FieldName, Message> = {
  manuscript: { fr: 'le manuscrit', en: 'the manuscript' },
  contactPerson: { fr: 'le contact unique pour la rédaction', en: 'the single contact for the editors' },
  contactEmail: { fr: 'l’adresse électronique du contact', en: 'the contact’s e-mail address' },
  phone: { fr: 'le numéro de téléphone', en: 'the phone number' },
  postalAddress: { fr: 'l’adresse postale', en: 'the postal address' },
  consentOnlinePublication: {
    fr: 'l’autorisation de mise en ligne',
    en: 'the consent to online publication',
  },
  consentFreeOfCharge: {
    fr: 'l’accord de remise à titre gracieux',
    en: 'the agreement to give the text free of charge',
  },
  signedContract: { fr: 'le contrat d’édition signé', en: 'the signed publishing contract' },
};

function rank(status: Status): number | undefined {
  if (status === 'late') return 0;
  const i = PATH.indexOf(status);
  return i < 0 ? undefined : i;
}

function present(field: FieldName, facts: StatusFacts): boolean {
  const filled = (s: string | undefined) => s !== undefined && s.trim() !== '';
  switch (field) {
    case 'manuscript':
      return facts.manuscript === true;
    case 'contactPerson':
      return facts.contactPerson === true;
    case 'contactEmail':
      return filled(facts.contactEmail);
    case 'phone':
      return filled(facts.phone);
    case 'postalAddress':
      return filled(facts.postalAddress);
    case 'consentOnlinePublication':
      return facts.consents?.onlinePublication === true;
    case 'consentFreeOfCharge':
      return facts.consents?.freeOfCharge === true;
    case 'signedContract':
      return facts.signedContract === true;
  }
}

function askedByCall(field: FieldName, call: CallRequirements | undefined): boolean {
  if (!call) return true;
  switch (field) {
    case 'phone':
      return call.contactDetails.phone;
    case 'postalAddress':
      return call.contactDetails.postalAddress;
    case 'consentOnlinePublication':
      return call.consents.onlinePublication;
    case 'consentFreeOfCharge':
      return call.consents.freeOfCharge;
    case 'signedContract':
      return call.contract.required;
    default:
      return true;
  }
}

/** The fields required at `status`. Declined and withdrawn submissions keep only their manuscript. */
export function requiredFieldsFor(status: Status, call?: CallRequirements): FieldName[] {
  const r = rank(status);
  return (Object.keys(REQUIRED_FROM) as FieldName[]).filter((field) => {
    const from = rank(REQUIRED_FROM[field]) ?? 0;
    const needed = r === undefined ? field === 'manuscript' : from <= r;
    return needed && askedByCall(field, call);
  });
}

/** The fields a submission lacks to be at `status`, in a stable order. */
export function missingFieldsFor(status: Status, facts: StatusFacts, call?: CallRequirements): FieldName[] {
  return requiredFieldsFor(status, call).filter((field) => !present(field, facts));
}

/** « le numéro de téléphone, l’adresse postale » / "the phone number, the postal address". */
export function fieldList(fields: readonly FieldName[]): Message {
  return {
    fr: fields.map((f) => FIELD_LABELS[f].fr).join(', '),
    en: fields.map((f) => FIELD_LABELS[f].en).join(', '),
  };
}
