/** The order of the texts in the issue, as the coordinators set it. */
export interface IssueOrderStore {
  /** Position (1, 2, …) of each text of the call that has one. */
  positions(callId: string): Promise<Map<string, number>>;
  /** The call's order becomes exactly this list (positions 1 to n); texts not in it have none. */
  replace(callId: string, submissionIds: readonly string[]): Promise<void>;
}
