import { looksLikeEmail, normaliseEmail } from '../accounts/credentials.js';
import type { Message } from '../shared/message.js';
import { msg } from '../shared/typography.js';
import type { Status } from '../submission/status.js';

/**
 * Blind review (« relecture en double aveugle »). A coordinator asks a reader — a committee
 * member or someone from outside — to read a submission in review. The reader never signs in: a
 * private link, like the authors', opens the anonymised copy of the version assigned and the
 * form for the opinion, and nothing else (no names, no title, no other submission). The committee
 * reads the opinions on the submission's page and decides; the reader never changes a status.
 */

/** What a reader recommends: the committee's three decisions, in the reader's words. */
export const RECOMMENDATIONS = ['accept', 'revisions', 'decline'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export const RECOMMENDATION_LABELS: Record<Recommendation, Message> = {
  accept: msg('publier le texte en l’état', 'publish the text as it is'),
  revisions: msg('publier après modifications', 'publish after revisions'),
  decline: msg('ne pas publier le texte', 'do not publish the text'),
};

/**
 * invited: the link was sent, no opinion yet; submitted: the opinion is in (the reader may still
 * correct it while the submission is in review); declined: the reader said they cannot read it;
 * cancelled: the coordinators took the request back (the link no longer opens anything).
 */
export const REVIEW_STATES = ['invited', 'submitted', 'declined', 'cancelled'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export const REVIEW_STATE_LABELS: Record<ReviewState, Message> = {
  invited: msg('avis attendu', 'opinion awaited'),
  submitted: msg('avis rendu', 'opinion given'),
  declined: msg('relecture déclinée', 'declined to review'),
  cancelled: msg('demande annulée', 'request cancelled'),
};

/**
 * A reader's comments are letters, not books (12,000 characters is about four pages); longer
 * remarks belong in an annotated file sent to the coordinators. Two such fields fit the reader's
 * form's body limit (256 KiB) whatever the characters typed.
 */
export const MAX_COMMENT_CHARS = 12_000;
export const MAX_READER_NAME_CHARS = 200;
/** A coordinator's note to the reader, quoted in the request letter. */
export const MAX_REQUEST_NOTE_CHARS = 2_000;
/** Readers of one submission at once (requests not cancelled nor declined). */
export const MAX_ACTIVE_REVIEWS = 6;

/** Readers are asked only while the submission is in review: before, it is not judged complete. */
export function canAskForReview(status: Status): boolean {
  return status === 'in_review';
}

/** The request as the rules need it: its state and the version the reader was given. */
export interface ReviewFacts {
  state: ReviewState;
  versionNumber: number;
}

/** The text as the rules need it: its status and its latest version's number. */
export interface ReviewedText {
  status: Status;
  latestVersion: number;
}

/** Why a reader can no longer answer; null while they can. */
export type ReviewClosed = 'cancelled' | 'declined' | 'withdrawn' | 'decided' | 'new-version';

/**
 * A request stays open while it is neither cancelled nor declined, the submission is in review,
 * and no newer version has come (a revised text is a new reading: the coordinators ask again).
 * Once closed, the opinions are what the committee decided on.
 */
export function reviewClosed(review: ReviewFacts, text: ReviewedText): ReviewClosed | null {
  if (review.state === 'cancelled' || review.state === 'declined') return review.state;
  if (text.status === 'withdrawn') return 'withdrawn';
  if (review.versionNumber !== text.latestVersion) return 'new-version';
  if (text.status !== 'in_review') return 'decided';
  return null;
}

/** A reader may give (or correct) an opinion while the request is open. */
export function canGiveOpinion(review: ReviewFacts, text: ReviewedText): boolean {
  return reviewClosed(review, text) === null;
}

/**
 * The request is open and still awaits its opinion: the reader may say they cannot read the text,
 * and the coordinators may remind them.
 */
export function awaitsOpinion(review: ReviewFacts, text: ReviewedText): boolean {
  return review.state === 'invited' && reviewClosed(review, text) === null;
}

/** The coordinators may take back a request that is still open, answered or not. */
export function canCancelReview(state: ReviewState): boolean {
  return state === 'invited' || state === 'submitted';
}

export interface ReviewRequestInput {
  readerName: string;
  readerEmail: string;
  /** YYYY-MM-DD, or empty for none. */
  dueOn: string;
  note: string;
}

export interface ReviewRequest {
  readerName: string;
  readerEmail: string;
  dueOn: string | null;
  note: string | null;
}

export type ReviewField =
  | 'readerName'
  | 'readerEmail'
  | 'dueOn'
  | 'note'
  | 'recommendation'
  | 'forAuthors'
  | 'forCommittee';

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: Map<ReviewField, Message> };

/** The request as the coordinator typed it, cleaned; `today` is the call's local day (YYYY-MM-DD). */
export function checkReviewRequest(input: ReviewRequestInput, today: string): Checked<ReviewRequest> {
  const problems = new Map<ReviewField, Message>();
  const readerName = input.readerName.normalize('NFC').replace(/\s+/g, ' ').trim();
  const readerEmail = normaliseEmail(input.readerEmail);
  const dueOn = input.dueOn.trim();
  const note = input.note.normalize('NFC').trim();
  if (readerName === '' || readerName.length > MAX_READER_NAME_CHARS) {
    problems.set(
      'readerName',
      msg(
        `Indiquez le nom de la personne qui relira (${MAX_READER_NAME_CHARS} caractères au plus).`,
        `Give the name of the person who will read (at most ${MAX_READER_NAME_CHARS} characters).`,
      ),
    );
  }
  if (!looksLikeEmail(readerEmail)) {
    problems.set(
      'readerEmail',
      msg(
        'Indiquez l’adresse électronique de la personne qui relira, par exemple marie.martin@exemple.fr : le lien de relecture y sera envoyé.',
        'Give the reader’s e-mail address, for example marie.martin@example.org: the review link is sent there.',
      ),
    );
  }
  if (dueOn !== '' && !(isCalendarDay(dueOn) && dueOn > today)) {
    problems.set(
      'dueOn',
      msg(
        'La date souhaitée doit être un jour à venir (par exemple 2027-01-15), ou restez vide.',
        'The date wished for must be a day to come (for example 2027-01-15), or leave it empty.',
      ),
    );
  }
  if (note.length > MAX_REQUEST_NOTE_CHARS) {
    problems.set(
      'note',
      msg(
        `Le message à la personne qui relit dépasse ${MAX_REQUEST_NOTE_CHARS} caractères : raccourcissez-le.`,
        `The message to the reader is longer than ${MAX_REQUEST_NOTE_CHARS} characters: shorten it.`,
      ),
    );
  }
  if (problems.size > 0) return { ok: false, problems };
  return { ok: true, value: { readerName, readerEmail, dueOn: dueOn || null, note: note || null } };
}

export interface OpinionInput {
  recommendation: string;
  forAuthors: string;
  forCommittee: string;
}

export interface Opinion {
  recommendation: Recommendation;
  forAuthors: string;
  forCommittee: string | null;
}

/** The reader's opinion as typed: a recommendation and words for the authors are required. */
export function checkOpinion(input: OpinionInput): Checked<Opinion> {
  const problems = new Map<ReviewField, Message>();
  const forAuthors = cleanComment(input.forAuthors);
  const forCommittee = cleanComment(input.forCommittee);
  if (!(RECOMMENDATIONS as readonly string[]).includes(input.recommendation)) {
    problems.set(
      'recommendation',
      msg(
        'Choisissez ce que vous conseillez au comité : publier en l’état, après modifications, ou ne pas publier.',
        'Choose what you advise the committee: publish as it is, after revisions, or not publish.',
      ),
    );
  }
  if (forAuthors === '') {
    problems.set(
      'forAuthors',
      msg(
        'Écrivez quelques lignes pour l’auteur ou l’autrice : ce qui fonctionne, ce qui serait à reprendre.',
        'Write a few lines for the author: what works, what should be reworked.',
      ),
    );
  }
  for (const [field, text] of [
    ['forAuthors', forAuthors],
    ['forCommittee', forCommittee],
  ] as const) {
    if (text.length > MAX_COMMENT_CHARS) {
      problems.set(
        field,
        msg(
          `Ce texte dépasse ${MAX_COMMENT_CHARS.toLocaleString('fr-FR')} caractères : raccourcissez-le, ou annotez plutôt le fichier et envoyez-le aux coordinateurs.`,
          `This text is longer than ${MAX_COMMENT_CHARS.toLocaleString('en-GB')} characters: shorten it, or annotate the file instead and send it to the coordinators.`,
        ),
      );
    }
  }
  if (problems.size > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      recommendation: input.recommendation as Recommendation,
      forAuthors,
      forCommittee: forCommittee || null,
    },
  };
}

/** Line ends as one kind, no trailing blanks, no control characters but the line feed and the tab. */
function cleanComment(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .trim();
}

function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * The readers' words for the author that a decision letter may quote: opinions given on the
 * version decided on (a request cancelled after its answer is left out), oldest first.
 */
export function opinionsForAuthors(
  reviews: readonly { state: ReviewState; versionNumber: number; forAuthors: string | null }[],
  versionNumber: number,
): string[] {
  return reviews
    .filter((r) => r.state === 'submitted' && r.versionNumber === versionNumber && r.forAuthors)
    .map((r) => r.forAuthors as string);
}
