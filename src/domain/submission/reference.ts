/**
 * The short reference people quote for a submission (« proposition 3f9a1c2e »): the first eight
 * characters of its id. It names no one, so it is what readers and anonymised copies are given.
 */
export function submissionReference(submissionId: string): string {
  return submissionId.slice(0, 8);
}
