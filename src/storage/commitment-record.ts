/** What the writer decided about a commitment. */
export type CommitmentState = 'open' | 'done' | 'dropped';

/**
 * Something the writer said they would do, from a weeknote's "Next week" list or paragraph (or
 * a moment flagged next week). It stays open across weeks until marked done or dropped.
 */
export interface Commitment {
  /** `commitment-<weekStart>-<hash of the normalised text>`: two devices deriving the same item
   * offline make one record (commitments/commitment-id.ts). */
  id: string;
  /** The writer's own words. */
  text: string;
  /** First day (yyyy-MM-dd) of the week it was made in. */
  weekStart: string;
  /** Its place in that week's list (0 first), so the writer's order is kept. */
  position: number;
  /** Where it was made, as the writer sees it: the draft's title or "w/c 2 November". */
  madeIn: string;
  state: CommitmentState;
  /** First day of the week it was marked done or dropped in; null while open. */
  closedIn: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  /** Text another device gave it that could not be merged with this one, kept for the writer. */
  otherText?: string | null;
}
