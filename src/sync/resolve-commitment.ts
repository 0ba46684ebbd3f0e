import { normaliseItem } from '../commitments/commitment-id';
import type { Commitment } from '../storage/commitment-record';
import type { Resolution } from '../storage/sync-store';
import { mergeText, mergeValue } from '../text/merge-text';
import { sameJson } from './same-json';

/** What the writer can tell apart: everything but when each device saved or first made it. */
const comparable = (c: Commitment) => ({
  text: c.text,
  weekStart: c.weekStart,
  madeIn: c.madeIn,
  state: c.state,
  closedIn: c.closedIn,
  deleted: c.deletedAt !== null,
  otherText: c.otherText ?? null,
});

const differ = (a: Commitment, b: Commitment): boolean => !sameJson(comparable(a), comparable(b));

/** Two kept texts in one, neither dropped, none twice. */
function joinTexts(...texts: (string | null | undefined)[]): string | null {
  const kept: string[] = [];
  for (const t of texts) if (t && !kept.includes(t)) kept.push(t);
  return kept.length > 0 ? kept.join('\n\n') : null;
}

/**
 * Two devices changed one commitment. Its state (with the week it was closed in) is one value:
 * a change on one side wins, and when both changed it the later `updatedAt` wins, since marking
 * done or dropped is a decision, not text. The words are never chosen by clock: they merge line
 * by line, and if both devices reworded it the server's stay and this device's are kept in
 * `otherText` for the writer. Two devices that made the same commitment offline (the same id
 * from the same item) agree, and nothing is pushed again.
 */
export function resolveCommitment(
  base: Commitment | null,
  mine: Commitment | undefined,
  theirs: Commitment,
  now: Date,
): Resolution {
  const keepTheirs: Resolution = { record: theirs, copies: [], pushAgain: false };
  if (!mine || !differ(mine, theirs)) return keepTheirs;
  // Made on both devices before either saw the other's: the server's words and name stand.
  const from: Commitment = base ?? {
    ...theirs,
    text: '',
    madeIn: '',
    state: 'open',
    closedIn: null,
    otherText: null,
  };

  let text = mergeText(from.text, mine.text, theirs.text);
  let otherText = mergeValue(
    from.otherText ?? null,
    mine.otherText ?? null,
    theirs.otherText ?? null,
  );
  otherText ??= joinTexts(theirs.otherText, mine.otherText);
  if (text === null) {
    text = theirs.text;
    // The same item written a little differently ("Fix the boiler" / "fix the boiler.") is no clash.
    if (normaliseItem(mine.text) !== normaliseItem(theirs.text))
      otherText = joinTexts(otherText, mine.text);
  }

  const decision = (c: Commitment) => ({ state: c.state, closedIn: c.closedIn });
  const decided =
    mergeValue(decision(from), decision(mine), decision(theirs), sameJson) ??
    (mine.updatedAt > theirs.updatedAt ? decision(mine) : decision(theirs));

  // A delete never beats a change made on the other device.
  const alive = (c: Commitment): Commitment => ({ ...c, deletedAt: null });
  const editedHere = differ(alive(mine), alive(from));
  const editedThere = differ(alive(theirs), alive(from));
  let deletedAt: string | null = null;
  if (mine.deletedAt && theirs.deletedAt) deletedAt = theirs.deletedAt;
  else if (mine.deletedAt && !editedThere) deletedAt = mine.deletedAt;
  else if (theirs.deletedAt && !editedHere) deletedAt = theirs.deletedAt;

  const merged: Commitment = {
    ...theirs,
    text,
    madeIn: mergeValue(from.madeIn, mine.madeIn, theirs.madeIn) ?? theirs.madeIn,
    ...decided,
    otherText,
    deletedAt,
    updatedAt: now.toISOString(),
  };
  if (!differ(merged, theirs)) return keepTheirs;
  return { record: merged, copies: [], pushAgain: true };
}
