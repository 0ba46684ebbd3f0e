import type { Moment } from '../storage/records';

/** What the week can be narrowed to: one #tag or one @person. */
export interface MomentFilter {
  kind: 'tag' | 'person';
  name: string;
}

/** A tag or person and how many of the week's moments mention it. */
export interface Mention {
  name: string;
  count: number;
}

/** The week in numbers, with its tags and people, most mentioned first. */
export interface WeekSummary {
  moments: number;
  tags: Mention[];
  people: Mention[];
}

function tally(lists: string[][]): Mention[] {
  const counts = new Map<string, Mention>();
  for (const names of lists) {
    for (const name of names) {
      const key = name.toLowerCase();
      const seen = counts.get(key);
      if (seen) seen.count++;
      else counts.set(key, { name, count: 1 });
    }
  }
  return [...counts.values()].sort(
    (a, b) => b.count - a.count || a.name.localeCompare(b.name, 'en-GB', { sensitivity: 'base' }),
  );
}

/** Counts the week's moments, and its tags and people by how many moments mention them. */
export function summarise(moments: Moment[]): WeekSummary {
  return {
    moments: moments.length,
    tags: tally(moments.map((m) => m.tags)),
    people: tally(moments.map((m) => m.people)),
  };
}

/** Whether a moment mentions the filter's tag or person (ignoring case). */
export function matchesFilter(moment: Moment, filter: MomentFilter | null): boolean {
  if (!filter) return true;
  const wanted = filter.name.toLowerCase();
  const names = filter.kind === 'tag' ? moment.tags : moment.people;
  return names.some((n) => n.toLowerCase() === wanted);
}

/** "#parking" or "@Priya". */
export function filterLabel(filter: MomentFilter): string {
  return `${filter.kind === 'tag' ? '#' : '@'}${filter.name}`;
}
