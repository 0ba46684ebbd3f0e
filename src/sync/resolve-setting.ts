import { DEFAULT_SETTINGS, type SettingClash, type SettingRecord } from '../storage/settings';
import type { Resolution } from '../storage/sync-store';
import { mergeValue } from '../text/merge-text';
import { sameJson as same } from './same-json';

type Names = Record<string, string>;

/**
 * Tag names merge tag by tag: each is its own small setting. Where both devices named the same
 * tag differently, the server's name stays and `mine` holds this device's choice for each.
 */
function mergeTagNames(
  base: Names,
  mine: Names,
  theirs: Names,
): { merged: Names; mine: Names | null } {
  const merged: Names = {};
  const alternative: Names = {};
  let clashed = false;
  for (const tag of new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)])) {
    // A missing name is a value too (removed), so mergeValue's null cannot mark a clash here.
    const [b, m, t] = [base[tag], mine[tag], theirs[tag]];
    const both = m !== t && t !== b && m !== b;
    const kept = m === t || t === b ? m : t;
    if (kept !== undefined) merged[tag] = kept;
    const alt = both ? m : kept;
    if (alt !== undefined) alternative[tag] = alt;
    if (both) clashed = true;
  }
  return { merged, mine: clashed ? alternative : null };
}

/**
 * Two devices changed one setting. Against the value this device last saw from the server (or
 * the default, if it never saw one): a change on one side wins; a change on both sides to
 * different values keeps the server's, which every device already has, and tells the writer
 * this device's value so they can choose it again. Nothing the writer typed is dropped unseen.
 */
export function resolveSetting(
  base: SettingRecord | null,
  mine: SettingRecord | undefined,
  theirs: SettingRecord,
  now: Date,
): Resolution {
  const keepTheirs: Resolution = { record: theirs, copies: [], pushAgain: false };
  if (!mine || same(mine.value, theirs.value)) return keepTheirs;
  const from = base ? base.value : DEFAULT_SETTINGS[theirs.key];
  let value: unknown;
  let clashed: unknown = null;
  if (theirs.key === 'tagNames') {
    const names = mergeTagNames(from as Names, mine.value as Names, theirs.value as Names);
    value = names.merged;
    clashed = names.mine;
  } else {
    value = mergeValue<unknown>(from, mine.value, theirs.value, same);
    if (value === null) {
      value = theirs.value;
      clashed = mine.value;
    }
  }
  const clash: SettingClash | undefined =
    clashed === null
      ? undefined
      : { key: theirs.key, kept: theirs.value, mine: clashed, at: now.toISOString() };
  if (same(value, theirs.value)) return { ...keepTheirs, ...(clash ? { clash } : {}) };
  return {
    record: { ...theirs, value, updatedAt: now.toISOString() },
    copies: [],
    pushAgain: true,
    ...(clash ? { clash } : {}),
  };
}
