import type { ErrorCode } from '../../domain/shared/errors.js';

/**
 * The ONE table from error codes to HTTP statuses. The domain and the use cases know nothing of
 * HTTP; this edge decides how each coded failure looks on the wire. A code not listed is a 400
 * when it comes from bad input and a 500 otherwise (see statusOf).
 */
const STATUS: Partial<Record<ErrorCode, number>> = {
  FILE_EMPTY: 422,
  FILE_TOO_LARGE: 413,
  FILE_UNREADABLE: 422,
  NOT_A_WORD_FILE: 415,
  ANONYMISE_FORMAT: 415,
  ANONYMISE_NO_NAMES: 422,
  FORMAT_NOT_ACCEPTED: 415,
  ENCRYPTED: 422,
  ZIP_INVALID: 422,
  ZIP_TOO_MANY_ENTRIES: 422,
  ZIP_BOMB: 422,
  PART_TOO_LARGE: 413,
  UNCOMPRESSED_TOO_LARGE: 413,
  XML_DOCTYPE: 422,
  XML_TOO_DEEP: 422,
  XML_MALFORMED: 422,
  TIMEOUT: 422,
  DOCX_NO_DOCUMENT: 422,
  USAGE: 400,
  SUBMISSION_NOT_FOUND: 404,
  SUBMISSION_DUPLICATE: 409,
  SUBMISSION_DECIDED: 409,
  STALE_UPDATE: 409,
  CALL_CHANGED: 409,
  ILLEGAL_TRANSITION: 409,
  ACTION_NOT_ALLOWED: 403,
  FIELDS_MISSING: 422,
  DATABASE_UNREACHABLE: 503,
  DATA_DIR_UNUSABLE: 503,
  FILE_STORE_UNAVAILABLE: 503,
};

export function statusOf(code: ErrorCode): number {
  return STATUS[code] ?? 500;
}
