import type { AnonymousRole, Identity } from '../domain/manuscript/author-names.js';

/** What the anonymised copy of a manuscript is made of, and what was done to make it. */
export interface AnonymisedCopy {
  bytes: Buffer;
  report: {
    /** Names, addresses and « who » properties replaced. */
    replaced: number;
    /** The parts (document.xml, docProps/core.xml …) that changed. */
    partsChanged: string[];
    /** Parts left out of the copy (the first page's preview picture). */
    droppedParts: string[];
    /** Embedded objects (spreadsheets, other documents): copied as they are, to be looked at by hand. */
    embedded: number;
  };
}

/** The formats an anonymised copy can be made of. */
export type AnonymisableFormat = 'docx' | 'odt';

/**
 * Makes the copy a blind review needs, without these people's names: the authors' (the default),
 * or a reader's, in the file they annotated.
 */
export type ManuscriptAnonymiser = (
  bytes: Buffer,
  people: readonly Identity[],
  format: AnonymisableFormat,
  role?: AnonymousRole,
) => Promise<AnonymisedCopy>;
