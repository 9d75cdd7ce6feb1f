import type { Finding } from '../domain/shared/finding.js';

/**
 * The author's private link (/suivi/<token>) and what an author may change through it.
 *
 * A link is a random 32-byte token given to the author once (receipt page, receipt letter); only
 * its SHA-256 is stored, so a copy of the database does not open anybody's submission. A revoked
 * link is never found again.
 */
export interface NewAuthorLink {
  /** Lower-case hex SHA-256 of the token: the link's only stored trace. */
  tokenHash: string;
  submissionId: string;
}

export interface AuthorLinkRecord {
  tokenHash: string;
  submissionId: string;
  createdAt: string;
  revokedAt: string | null;
}

/**
 * Contact details an author completes through the link. Only what is given changes: an absent
 * member leaves the stored value alone. Personal data goes to the authors' rows, never to events.
 */
export interface ContactDetailsUpdate {
  submissionId: string;
  /** The author (of this submission) who becomes the single contact for the editors. */
  contactAuthorId?: string;
  /** The contact's e-mail address, when it was missing. */
  contactEmail?: string;
  phone?: string;
  postalAddress?: string;
  /** The submission's own findings after the change: they replace the stored ones. */
  findings: Finding[];
}

/** A submission whose contact person has a given address: what a new link is sent for. */
export interface ContactSubmission {
  submissionId: string;
  title: string;
  receivedAt: string;
  /** The contact's address as stored (the letter goes there, not to what was typed). */
  contactEmail: string;
  givenName: string;
  surname: string;
}

export interface AuthorLinkStore {
  /** Fails with SUBMISSION_DUPLICATE if the hash is already known (a token is never reused). */
  create(link: NewAuthorLink): Promise<AuthorLinkRecord>;
  /** The link with this hash, unless revoked; null otherwise. */
  findLive(tokenHash: string): Promise<AuthorLinkRecord | null>;
  /** True when a live link was revoked. */
  revoke(tokenHash: string): Promise<boolean>;
  /** Live links of a submission, oldest first (a coordinator may send a new one). */
  listForSubmission(submissionId: string): Promise<AuthorLinkRecord[]>;
  /**
   * Records the details on the contact's row (moving the contact flag when asked), replaces the
   * submission's own findings (not its versions'), and moves the submission's version counter on.
   */
  recordContactDetails(update: ContactDetailsUpdate): Promise<void>;
  /**
   * The call's submissions whose contact person has this address, compared without regard to
   * case (ASCII letters: SQLite's lower()), the most recent first, at most `limit`.
   */
  findForContact(callId: string, email: string, limit: number): Promise<ContactSubmission[]>;
}
