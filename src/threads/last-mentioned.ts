import { differenceInCalendarDays } from 'date-fns';
import { parseMoment } from '../capture/parse-moment';
import type { Moment, WeekStartDay } from '../storage/records';
import { toLocalDate, type CalendarDate } from '../week/calendar-date';
import { weekBeginningLabel, weekContaining, type Week } from '../week/iso-week';

/** A person or project (tag) the weeknote talks about. */
export interface Thread {
  kind: 'person' | 'tag';
  /** As first written ("Ron"); tags in lower case, as moments keep them. */
  name: string;
}

/** One thread's last mention before this week, as the writer reads it. */
export interface LastMention {
  thread: Thread;
  /** The week it was last mentioned in, or null if never before this week. */
  weekStart: CalendarDate | null;
  /** "3 weeks ago", "last week", "2 years ago"; "not before this week". */
  when: string;
  /** "Weeknote v10.44" (that week's draft) or "w/c 2 November". */
  where: string;
}

/** The most threads the panel looks up: a week rarely names more. */
export const MAX_THREADS = 40;

/** "@Ron" or "#service-centre". */
export const threadLabel = (t: Thread): string => `${t.kind === 'person' ? '@' : '#'}${t.name}`;

/** A thread's identity: people match whatever their case. */
export const threadKey = (t: Thread): string => `${t.kind}:${t.name.toLowerCase()}`;

/**
 * The people and tags this week's weeknote is about: those of the week's public moments, and
 * any @person or #tag written into the body. People first, then tags, each alphabetically.
 */
export function threadsInDraft(moments: Moment[], body: string): Thread[] {
  const found = new Map<string, Thread>();
  const add = (t: Thread) => {
    if (!found.has(threadKey(t))) found.set(threadKey(t), t);
  };
  const fromBody = parseMoment(body);
  for (const m of moments) {
    if (m.private || m.deletedAt !== null) continue;
    m.people.forEach((name) => add({ kind: 'person', name }));
    m.tags.forEach((name) => add({ kind: 'tag', name: name.toLowerCase() }));
  }
  fromBody.people.forEach((name) => add({ kind: 'person', name }));
  fromBody.tags.forEach((name) => add({ kind: 'tag', name }));
  return [...found.values()]
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name, 'en-GB'))
    .slice(0, MAX_THREADS);
}

/** Whether a moment mentions a thread. */
export function mentions(m: Moment, t: Thread): boolean {
  const name = t.name.toLowerCase();
  return t.kind === 'tag'
    ? m.tags.some((tag) => tag.toLowerCase() === name)
    : m.people.some((p) => p.toLowerCase() === name);
}

/**
 * The last day each thread was mentioned before `before`, from candidate moments: private and
 * deleted moments never count. Keyed by threadKey.
 */
export function latestMentions(
  threads: Thread[],
  moments: Moment[],
  before: CalendarDate,
): Map<string, CalendarDate> {
  const latest = new Map<string, CalendarDate>();
  for (const m of moments) {
    if (m.private || m.deletedAt !== null || m.localDate >= before) continue;
    for (const t of threads) {
      const key = threadKey(t);
      const seen = latest.get(key);
      if (mentions(m, t) && (seen === undefined || m.localDate > seen))
        latest.set(key, m.localDate);
    }
  }
  return latest;
}

/** "last week", "3 weeks ago", "a year ago", "2 years ago". */
export function weeksAgoLabel(weeks: number): string {
  if (weeks <= 1) return 'last week';
  if (weeks < 52) return `${weeks} weeks ago`;
  const years = Math.max(1, Math.round(weeks / 52.1775));
  return years === 1 ? 'a year ago' : `${years} years ago`;
}

/**
 * How each thread was last mentioned before `week`, in the writer's words: how long ago in whole
 * weeks (counted between week starts, so right across year ends and clock changes), and the
 * title of that week's draft, or "w/c 2 November" (with the year if not this week's).
 */
export function describeLastMentions(
  threads: Thread[],
  latest: Map<string, CalendarDate>,
  week: Week,
  weekStartsOn: WeekStartDay,
  titles: Map<CalendarDate, string>,
): LastMention[] {
  const thisYear = Number(week.start.slice(0, 4));
  return threads.map((thread) => {
    const day = latest.get(threadKey(thread));
    if (day === undefined)
      return { thread, weekStart: null, when: 'not before this week', where: '' };
    const then = weekContaining(day, weekStartsOn);
    const weeks = Math.round(
      differenceInCalendarDays(toLocalDate(week.start), toLocalDate(then.start)) / 7,
    );
    const title = titles.get(then.start)?.trim();
    const where = title || weekBeginningLabel(then, thisYear).replace('Week beginning', 'w/c');
    return { thread, weekStart: then.start, when: weeksAgoLabel(weeks), where };
  });
}
