import { type AnonymousRole, type Identity, nameFinder } from '../domain/manuscript/author-names.js';
import { AppError } from '../domain/shared/errors.js';
import type { AnonymisableFormat, AnonymisedCopy, ManuscriptAnonymiser } from '../ports/anonymiser.js';
import type { ManuscriptReader } from '../ports/manuscript-reader.js';

export interface AnonymisedCopyInput {
  bytes: Buffer;
  /** The file's name as received: the copy is named after it. */
  fileName: string;
  /** Whose names come out: the submission's authors, or the reader who annotated the file. */
  people: readonly Identity[];
  /** Whom the copy hides (the placeholders differ): the authors unless said. */
  role?: AnonymousRole;
}

export interface AnonymisedCopyResult extends AnonymisedCopy {
  fileName: string;
  /**
   * Names the reader still finds in the copy's text and properties: 0 unless the file hides them
   * somewhere the anonymiser does not look (the copy is then not to be sent as it is).
   */
  remaining: number;
}

/**
 * Use case: the copy of a manuscript a blind review needs. The file is read first with every
 * reader's caps (an unreadable or hostile file is refused as at intake), only a .docx or an .odt
 * is anonymised (ANONYMISE_FORMAT says how to get one), and the copy is read back and searched for
 * the names again, so what is handed over has been checked, not just produced.
 */
export async function makeAnonymisedCopy(
  input: AnonymisedCopyInput,
  deps: { read: ManuscriptReader; anonymise: ManuscriptAnonymiser },
): Promise<AnonymisedCopyResult> {
  const original = await deps.read({ bytes: input.bytes, name: input.fileName }, { keepText: false });
  if (original.error) throw original.error;
  const format = original.kind;
  if (format !== 'docx' && format !== 'odt') {
    throw new AppError('ANONYMISE_FORMAT', { format: original.manuscript?.format ?? format });
  }
  const copy = await deps.anonymise(input.bytes, input.people, format, input.role ?? 'author');
  const fileName = anonymisedName(input.fileName, format);
  const check = await deps.read({ bytes: copy.bytes, name: fileName }, { keepText: true });
  if (check.error || !check.manuscript) throw check.error ?? new AppError('FILE_UNREADABLE', {});
  const finder = nameFinder(input.people);
  const { core } = check.manuscript.facts;
  const texts = [
    ...check.manuscript.paragraphs.map((p) => p.text),
    core.creator,
    core.lastModifiedBy,
    core.title,
  ];
  const remaining = texts.reduce((n, text) => n + (text && finder ? finder.find(text).length : 0), 0);
  return { ...copy, fileName, remaining };
}

/** « Mon article.docx » → « Mon article - anonyme.docx » (the extension of the format read). */
export function anonymisedName(fileName: string, format: AnonymisableFormat): string {
  const dot = fileName.lastIndexOf('.');
  const base = dot > 0 ? fileName.slice(0, dot) : fileName;
  return `${base} - anonyme.${format}`;
}
