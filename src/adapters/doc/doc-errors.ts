import { AppError } from '../../domain/shared/errors.js';

/**
 * DOC_UNREADABLE with its detail in each language. A technical cause (a parser's message) is
 * kept apart in `cause`: it helps whoever debugs, and means nothing to an author.
 */
export function docUnreadable(fr: string, en: string, cause?: string): AppError {
  const params: Record<string, string> = { detail: en, detailFr: fr, detailEn: en };
  if (cause !== undefined) params.cause = cause.slice(0, 200);
  return new AppError('DOC_UNREADABLE', params);
}
