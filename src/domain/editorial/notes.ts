import { formatNumber, type Message } from '../shared/message.js';
import { msg } from '../shared/typography.js';

/**
 * The editorial notes on a submission: what the coordinators and the committee write to each
 * other about a text (a first reading, a reader to ask, what to say in the decision). They stay on
 * the desk: an author, a reader, a letter or an export never shows them. A note is kept as written;
 * its writer may take it back, and then only the fact that a note was there remains (its words go).
 */

/** About two pages of text: a note is a message between colleagues, not a review. */
export const MAX_EDITORIAL_NOTE_CHARS = 5000;

export type NoteProblem = 'empty' | 'too-long';

/** A refused note says its length after cleaning: the figure the message quotes. */
export type CleanNote = { ok: true; body: string } | { ok: false; problem: NoteProblem; length: number };

/**
 * The note as it will be kept: line breaks made plain, spaces at either end trimmed, composed
 * characters in one form (a note pasted from Word or a phone reads the same everywhere).
 */
export function cleanNote(text: string): CleanNote {
  const body = text.replace(/\r\n?/g, '\n').normalize('NFC').trim();
  if (body.length === 0) return { ok: false, problem: 'empty', length: 0 };
  if (body.length > MAX_EDITORIAL_NOTE_CHARS) return { ok: false, problem: 'too-long', length: body.length };
  return { ok: true, body };
}

/** What the person reads when a note is refused, with how to fix it. */
export function noteProblemMessage(problem: NoteProblem, length = 0): Message {
  if (problem === 'empty') {
    return msg(
      'La note est vide : écrivez-la dans le cadre, puis enregistrez-la.',
      'The note is empty: write it in the box, then save it.',
    );
  }
  const [fr, en] = [formatNumber(length, 'fr'), formatNumber(length, 'en')];
  const [maxFr, maxEn] = [
    formatNumber(MAX_EDITORIAL_NOTE_CHARS, 'fr'),
    formatNumber(MAX_EDITORIAL_NOTE_CHARS, 'en'),
  ];
  return msg(
    `La note fait ${fr} caractères ; elle peut en faire ${maxFr}. Raccourcissez-la, ou coupez-la en deux notes.`,
    `The note is ${en} characters long; it may be ${maxEn}. Shorten it, or split it into two notes.`,
  );
}

/** Only its writer takes a note back, and only once. */
export function mayRemoveNote(
  note: { accountId: string; removedAt: string | null },
  accountId: string,
): boolean {
  return note.accountId === accountId && note.removedAt === null;
}
