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
