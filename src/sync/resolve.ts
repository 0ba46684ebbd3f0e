import { uuidv7 } from 'uuidv7';
import type { Draft, Moment } from '../storage/records';
import type { Resolution } from '../storage/sync-store';
import { mergeText, mergeValue } from './merge-text';

const union = (a: string[], b: string[]): string[] => [...new Set([...a, ...b])];

function momentsDiffer(a: Moment, b: Moment): boolean {
  return (
    a.text !== b.text ||
    a.nextWeek !== b.nextWeek ||
    a.private !== b.private ||
    (a.deletedAt === null) !== (b.deletedAt === null)
  );
}

/**
 * Two devices changed one moment. Text is never lost and never chosen by clock: if both changed
 * it, the server's stays and this device's becomes a visible conflict copy. Flags merge field by
 * field; where both changed "private", private wins. A delete never beats an edit.
 */
export function resolveMoment(
  base: Moment | null,
  mine: Moment | undefined,
  theirs: Moment,
  now: Date,
): Resolution {
  if (!mine || !momentsDiffer(mine, theirs))
    return { record: theirs, copies: [], pushAgain: false };
  const from = base ?? { ...theirs, text: '', nextWeek: false, private: false, deletedAt: null };
  const copies: Moment[] = [];
  let text = mergeValue(from.text, mine.text, theirs.text);
  if (text === null) {
    text = theirs.text;
    if (mine.deletedAt === null) {
      copies.push({
        ...mine,
        id: uuidv7(),
        conflictOf: mine.id,
        updatedAt: now.toISOString(),
        deletedAt: null,
      });
    }
  }
  const mineDeleted = mine.deletedAt !== null;
  const theirsDeleted = theirs.deletedAt !== null;
  const editedHere = mine.text !== from.text;
  const editedThere = theirs.text !== from.text;
  let deletedAt: string | null;
  if (mineDeleted && theirsDeleted) deletedAt = theirs.deletedAt;
  else if (mineDeleted) deletedAt = editedThere ? null : mine.deletedAt;
  else if (theirsDeleted) deletedAt = editedHere ? null : theirs.deletedAt;
  else deletedAt = null;
  const merged: Moment = {
    ...theirs,
    text,
    tags: text === mine.text ? mine.tags : theirs.tags,
    people: text === mine.text ? mine.people : theirs.people,
    nextWeek: mergeValue(from.nextWeek, mine.nextWeek, theirs.nextWeek) ?? theirs.nextWeek,
    private: mergeValue(from.private, mine.private, theirs.private) ?? true,
    deletedAt,
    updatedAt: now.toISOString(),
  };
  return { record: merged, copies, pushAgain: momentsDiffer(merged, theirs) };
}

function draftsDiffer(a: Draft, b: Draft): boolean {
  return JSON.stringify({ ...a, updatedAt: '' }) !== JSON.stringify({ ...b, updatedAt: '' });
}

/**
 * Two devices changed one draft. Title and body are merged line by line against the version this
 * device last saw (diff3). If they clash, the server's text stays in place and this device's is
 * kept beside it as a conflict for the writer to resolve: both texts survive.
 */
export function resolveDraft(
  base: Draft | null,
  mine: Draft | undefined,
  theirs: Draft,
  now: Date,
): Resolution {
  if (!mine || !draftsDiffer(mine, theirs)) return { record: theirs, copies: [], pushAgain: false };
  const from = base ?? { ...theirs, title: '', body: '' };
  const body = mergeText(from.body, mine.body, theirs.body);
  const title = mergeValue(from.title, mine.title, theirs.title);
  const clash = body === null || title === null;
  const earlier = mine.conflict ?? theirs.conflict ?? null;
  const merged: Draft = {
    ...theirs,
    title: title ?? theirs.title,
    body: body ?? theirs.body,
    status: mergeValue(from.status, mine.status, theirs.status) ?? theirs.status,
    publishedOn:
      mergeValue(from.publishedOn, mine.publishedOn, theirs.publishedOn) ?? theirs.publishedOn,
    publishedUrl:
      mergeValue(from.publishedUrl, mine.publishedUrl, theirs.publishedUrl) ?? theirs.publishedUrl,
    momentIds: union(theirs.momentIds, mine.momentIds),
    dismissedMomentIds: union(theirs.dismissedMomentIds, mine.dismissedMomentIds),
    checklist:
      mergeValue(
        from.checklist,
        mine.checklist,
        theirs.checklist,
        (a, b) => JSON.stringify(a) === JSON.stringify(b),
      ) ?? mine.checklist,
    deletedAt: mine.deletedAt && theirs.deletedAt ? theirs.deletedAt : null,
    conflict: clash
      ? {
          title: mine.title,
          body:
            earlier && earlier.body !== mine.body ? `${mine.body}\n\n${earlier.body}` : mine.body,
          at: now.toISOString(),
        }
      : earlier,
    updatedAt: now.toISOString(),
  };
  return { record: merged, copies: [], pushAgain: draftsDiffer(merged, theirs) };
}

/** The resolver the sync store calls for each conflict. */
export function resolveConflict(now: () => Date) {
  return (
    kind: 'moment' | 'draft',
    base: Moment | Draft | null,
    mine: Moment | Draft | undefined,
    theirs: Moment | Draft,
  ): Resolution =>
    kind === 'moment'
      ? resolveMoment(base as Moment | null, mine as Moment | undefined, theirs as Moment, now())
      : resolveDraft(base as Draft | null, mine as Draft | undefined, theirs as Draft, now());
}
