import { diff3Merge } from 'node-diff3';

/** A three-way merge of two texts that both began as `base`: merged, or null if they clash. */
export function mergeText(base: string, mine: string, theirs: string): string | null {
  if (mine === theirs || theirs === base) return mine;
  if (mine === base) return theirs;
  const regions = diff3Merge(mine.split('\n'), base.split('\n'), theirs.split('\n'), {
    excludeFalseConflicts: true,
  });
  const lines: string[] = [];
  for (const region of regions) {
    if (region.conflict) return null;
    lines.push(...(region.ok ?? []));
  }
  return lines.join('\n');
}

/** A one-line field changed on both sides: whichever side changed it, or null if both did. */
export function mergeValue<T>(
  base: T,
  mine: T,
  theirs: T,
  same = (a: T, b: T) => a === b,
): T | null {
  if (same(mine, theirs) || same(theirs, base)) return mine;
  if (same(mine, base)) return theirs;
  return null;
}
