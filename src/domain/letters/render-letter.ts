import { completionReminderDocument } from './completion-reminder.js';
import { contractReturnedDocument, contractSentDocument } from './contract.js';
import { decisionDocument } from './decision.js';
import { decisionFinalDocument } from './decision-final.js';
import type { LetterDocument } from './document.js';
import { followLinkAgainDocument } from './follow-link-again.js';
import { invitationDocument } from './invitation.js';
import { lateSubmissionDocument } from './late-submission.js';
import { type Letter, type LetterInput, letterSchema, type RenderedLetter } from './model.js';
import { newVersionDocument } from './new-version.js';
import { noManuscriptDocument } from './no-manuscript.js';
import { readerReplyDocument } from './reader-reply.js';
import { receiptDocument } from './receipt.js';
import { renderHtml } from './render-html.js';
import { renderText } from './render-text.js';
import { reviewAnsweredDocument } from './review-answered.js';
import { reviewRequestDocument } from './review-request.js';
import { tooLargeDocument } from './too-large.js';

/** Every letter, from its model to {subject, text, html}. */

export function letterDocument(letter: Letter): LetterDocument {
  switch (letter.kind) {
    case 'receipt':
      return receiptDocument(letter);
    case 'new-version':
      return newVersionDocument(letter);
    case 'no-manuscript':
      return noManuscriptDocument(letter);
    case 'late':
      return lateSubmissionDocument(letter);
    case 'invitation':
      return invitationDocument(letter);
    case 'too-large':
      return tooLargeDocument(letter);
    case 'decision-final':
      return decisionFinalDocument(letter);
    case 'follow-link-again':
      return followLinkAgainDocument(letter);
    case 'completion-reminder':
      return completionReminderDocument(letter);
    case 'decision':
      return decisionDocument(letter);
    case 'review-request':
      return reviewRequestDocument(letter);
    case 'review-answered':
      return reviewAnsweredDocument(letter);
    case 'reader-reply':
      return readerReplyDocument(letter);
    case 'contract-sent':
      return contractSentDocument(letter);
    case 'contract-returned':
      return contractReturnedDocument(letter);
  }
}

/**
 * Renders a letter. The input is checked against the schema first (it may come back from the
 * outbox as JSON); a malformed one throws zod's error, which names the field.
 */
export function renderLetter(input: LetterInput): RenderedLetter {
  const doc = letterDocument(letterSchema.parse(input));
  return { subject: doc.subject, text: renderText(doc), html: renderHtml(doc) };
}
