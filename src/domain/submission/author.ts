/** An author as the submission gives it. Only natural persons sign (see the call's author rules). */
export interface Author {
  givenName: string;
  surname: string;
  email?: string;
  phone?: string;
  /** Free-form postal address as given; postcode and commune are read out of it by the rules. */
  postalAddress?: string;
  /** The single contact for the editors among co-authors. */
  isContact: boolean;
}

/** The person the editors write to: the author marked as contact, or the only author. */
export function contactPerson<A extends Pick<Author, 'isContact'>>(authors: readonly A[]): A | undefined {
  return authors.find((a) => a.isContact) ?? (authors.length === 1 ? authors[0] : undefined);
}
