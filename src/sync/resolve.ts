import { uuidv7 } from 'uuidv7';
import type { Commitment } from '../storage/commitment-record';
import type { Draft, DraftConflict, Moment, RemotePost } from '../storage/records';
import type { SettingRecord } from '../storage/settings';
import type { Resolution } from '../storage/sync-store';
import { mergeText, mergeValue } from '../text/merge-text';
import { resolveCommitment } from './resolve-commitment';
import { resolveSetting } from './resolve-setting';
import { sameJson } from './same-json';

const union = (a: string[], b: string[]): string[] => [...new Set([...a, ...b])];

function momentsDiffer(a: Moment, b: Moment): boolean {
  return (
    a.text !== b.text ||
    a.nextWeek !== b.nextWeek ||
    a.private !== b.private ||
    (a.commitmentId ?? null) !== (b.commitmentId ?? null) ||
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
  // The commitment it is progress on: one side's change wins; both changed, the server's.
  const linked =
    mergeValue(from.commitmentId ?? null, mine.commitmentId ?? null, theirs.commitmentId ?? null) ??
    theirs.commitmentId ??
    null;
  const merged: Moment = {
    ...theirs,
    ...(linked !== null || theirs.commitmentId !== undefined ? { commitmentId: linked } : {}),
    text,
    tags: text === mine.text ? mine.tags : theirs.tags,
    people: text === mine.text ? mine.people : theirs.people,
    nextWeek: mergeValue(from.nextWeek, mine.nextWeek, theirs.nextWeek) ?? theirs.nextWeek,
    private: mergeValue(from.private, mine.private, theirs.private) ?? true,
    deletedAt,
    updatedAt: now.toISOString(),
  };
  // Where the merge is the server's version, keep the server's record exactly (its updatedAt too).
  const pushAgain = momentsDiffer(merged, theirs);
  return { record: pushAgain ? merged : theirs, copies, pushAgain };
}

/** Compared by value, apart from when each was saved; an optional field left out is null. */
const comparable = (d: Draft) => ({
  ...d,
  updatedAt: '',
  conflict: d.conflict ?? null,
  publishedHash: d.publishedHash ?? null,
  post: d.post ?? null,
});

function draftsDiffer(a: Draft, b: Draft): boolean {
  return !sameJson(comparable(a), comparable(b));
}

type Kept = DraftConflict | null;
const same = (a: Kept, b: Kept): boolean => sameJson(a, b);

/** Three-way merge of the kept versions: one side's change wins, two changes are both kept. */
function mergeConflicts(base: Kept, mine: Kept, theirs: Kept): Kept {
  if (same(mine, theirs) || same(theirs, base)) return mine;
  if (same(mine, base)) return theirs;
  return joinConflicts(mine, theirs);
}

/** Two kept versions in one: neither text is dropped. */
function joinConflicts(a: DraftConflict | null, b: DraftConflict | null): DraftConflict | null {
  if (!a || !b) return a ?? b;
  const other = b.title === a.title ? b.body : `${b.title}\n\n${b.body}`;
  // Already kept whole, as its own paragraphs (not merely as a substring of another line).
  if (`\n\n${a.body}\n\n`.includes(`\n\n${other}\n\n`)) return a;
  return { title: a.title, body: `${a.body}\n\n${other}`, at: a.at > b.at ? a.at : b.at };
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
  const from = base ?? { ...theirs, title: '', body: '', conflict: null };
  const body = mergeText(from.body, mine.body, theirs.body);
  const title = mergeValue(from.title, mine.title, theirs.title);
  const clash = body === null || title === null;
  // Kept versions merge too: one side resolving them wins, but two different sets are both kept.
  const earlier = mergeConflicts(
    from.conflict ?? null,
    mine.conflict ?? null,
    theirs.conflict ?? null,
  );
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
      mergeValue(from.checklist, mine.checklist, theirs.checklist, sameJson) ?? mine.checklist,
    deletedAt: mine.deletedAt && theirs.deletedAt ? theirs.deletedAt : null,
    conflict: clash
      ? joinConflicts({ title: mine.title, body: mine.body, at: now.toISOString() }, earlier)
      : earlier,
    updatedAt: now.toISOString(),
  };
  // Not mergeValue: its null means a clash, and null is also a real value here ("marked as
  // draft again"). Theirs unchanged: mine stands; otherwise theirs (also when both changed).
  const theirHash = theirs.publishedHash ?? null;
  const publishedHash =
    theirHash === (from.publishedHash ?? null) ? (mine.publishedHash ?? null) : theirHash;
  if (publishedHash !== (theirs.publishedHash ?? null)) merged.publishedHash = publishedHash;
  const post = mergePost(from.post ?? null, mine.post ?? null, theirs.post ?? null);
  if (!sameJson(post, theirs.post ?? null)) merged.post = post;
  const pushAgain = draftsDiffer(merged, theirs);
  return { record: pushAgain ? merged : theirs, copies: [], pushAgain };
}

/**
 * The post on the blog: one side's change wins; when both devices published, the later answer
 * from the blog wins (both updated the same post, so the later one describes it).
 */
function mergePost(base: RemotePost | null, mine: RemotePost | null, theirs: RemotePost | null) {
  if (sameJson(theirs, base)) return mine;
  if (sameJson(mine, base) || !mine) return theirs;
  if (!theirs) return mine;
  return mine.sentAt > theirs.sentAt ? mine : theirs;
}

type AnyRecord = Moment | Draft | SettingRecord | Commitment;

/** The resolver the sync store calls for each conflict. */
export function resolveConflict(now: () => Date) {
  return (
    kind: 'moment' | 'draft' | 'setting' | 'commitment',
    base: AnyRecord | null,
    mine: AnyRecord | undefined,
    theirs: AnyRecord,
  ): Resolution => {
    if (kind === 'commitment') {
      return resolveCommitment(
        base as Commitment | null,
        mine as Commitment | undefined,
        theirs as Commitment,
        now(),
      );
    }
    if (kind === 'setting') {
      return resolveSetting(
        base as SettingRecord | null,
        mine as SettingRecord | undefined,
        theirs as SettingRecord,
        now(),
      );
    }
    return kind === 'moment'
      ? resolveMoment(base as Moment | null, mine as Moment | undefined, theirs as Moment, now())
      : resolveDraft(base as Draft | null, mine as Draft | undefined, theirs as Draft, now());
  };
}
