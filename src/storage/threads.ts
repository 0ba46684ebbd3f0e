import type { StoredMoment } from './db';
import { read } from './errors';
import type { Moment } from './records';
import { searchTerms } from './search-terms';
import { visibleMoment } from './stored-moment';

/** The word of a name that narrows the search index most: its longest search term. */
function narrowest(name: string): string | undefined {
  return searchTerms(name).sort((a, b) => b.length - a.length)[0];
}

/**
 * Live moments holding one of `words` (search terms) whose local day is in [from, to), through
 * the `*terms` index, plus moments just pulled and not indexed yet, checked directly. Only the
 * moments naming those words are read, never every moment.
 */
async function momentsWithTerms(
  words: string[],
  from: string,
  to: string,
  keep: (m: StoredMoment) => boolean,
): Promise<Moment[]> {
  if (words.length === 0) return [];
  const wanted = new Set(words);
  const inRange = (m: StoredMoment) =>
    m.deletedAt === null && m.localDate >= from && m.localDate < to && keep(m);
  const rows = await read(async (db) => {
    const indexed = db.moments
      .where('terms')
      .anyOf([...wanted])
      .distinct()
      .filter(inRange);
    const waiting = db.moments
      .where('unindexed')
      .equals(1)
      .filter((m) => inRange(m) && searchTerms(m.text).some((w) => wanted.has(w)));
    const [a, b] = await Promise.all([indexed.toArray(), waiting.toArray()]);
    const found = new Map<string, StoredMoment>();
    for (const m of [...a, ...b]) found.set(m.id, m);
    return [...found.values()];
  });
  return rows.map(visibleMoment);
}

/**
 * Public, live moments before `before` (yyyy-MM-dd) that mention one of these #tags or
 * @people: the candidates for when each was last mentioned.
 */
export function publicMentionsBefore(
  names: { tags: string[]; people: string[] },
  before: string,
): Promise<Moment[]> {
  const tags = new Set(names.tags.map((t) => t.toLowerCase()));
  const people = new Set(names.people.map((p) => p.toLowerCase()));
  const words = [...names.tags, ...names.people].flatMap((n) => narrowest(n) ?? []);
  return momentsWithTerms(
    words,
    '0000-01-01',
    before,
    (m) =>
      !m.private &&
      (m.tags.some((t) => tags.has(t.toLowerCase())) ||
        m.people.some((p) => people.has(p.toLowerCase()))),
  );
}

/**
 * Live moments in [from, to) holding one of these words or #tags (as search terms), private ones
 * included: they count towards the writer's own targets, whose totals show no text.
 */
export function momentsWithWords(words: string[], from: string, to: string): Promise<Moment[]> {
  return momentsWithTerms(
    words.flatMap((w) => narrowest(w) ?? []),
    from,
    to,
    () => true,
  );
}

/** The titles of the live drafts for these weeks, by week start. */
export function draftTitles(weekStarts: string[]): Promise<Map<string, string>> {
  return read(async (db) => {
    const drafts = await db.drafts.bulkGet(weekStarts.map((w) => `draft-${w}`));
    const titles = new Map<string, string>();
    for (const d of drafts) if (d && d.deletedAt === null) titles.set(d.weekStart, d.title);
    return titles;
  });
}
