/**
 * The words of a reminder notification, and where tapping it leads (pure: no clock, no storage).
 * The service worker counts the week's moments and hands them here (ADR 0012).
 */
import { formatNumber } from '../text/numbers';
import type { Week } from '../week/iso-week';

/** What a reminder push asks for. The push itself carries none of the writer's words. */
export type ReminderPush = { reminder: 'weekly' } | { reminder: 'nudge'; fewerThan: number };

/** The fields of a moment that a week's tally reads. */
export interface TalliedMoment {
  deletedAt: string | null;
  private: boolean;
  nextWeek: boolean;
}

/** A week's numbers, as a reminder shows them. */
export interface WeekTally {
  /** First day of the week (yyyy-MM-dd). */
  weekStart: string;
  /** Its ISO week number. */
  isoWeek: number;
  /** Public moments not deleted. */
  moments: number;
  /** Of those, the ones marked for next week. */
  nextWeek: number;
}

/** What the service worker shows. */
export interface ReminderNotice {
  title: string;
  body: string;
  /** One reminder at a time: a new one replaces the last. */
  tag: 'weeknotes-reminder';
  /** A nudge the writer does not need arrives without sound or vibration. */
  silent: boolean;
  data: { url: string };
}

/** The week's public moments and next-week items among them. */
export function tallyMoments(moments: readonly TalliedMoment[]): {
  moments: number;
  nextWeek: number;
} {
  const kept = moments.filter((m) => m.deletedAt === null && !m.private);
  return { moments: kept.length, nextWeek: kept.filter((m) => m.nextWeek).length };
}

/** A week's tally, from the week and its moments. */
export function tallyWeek(week: Week, moments: readonly TalliedMoment[]): WeekTally {
  return { weekStart: week.start, isoWeek: week.isoWeek, ...tallyMoments(moments) };
}

/** A push's JSON as a reminder, or null for anything else. */
export function readReminderPush(data: unknown): ReminderPush | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Record<string, unknown>;
  if (d.type !== 'reminder') return null;
  if (d.reminder === 'weekly') return { reminder: 'weekly' };
  if (d.reminder === 'nudge' && typeof d.fewerThan === 'number' && d.fewerThan >= 1)
    return { reminder: 'nudge', fewerThan: Math.floor(d.fewerThan) };
  return null;
}

const count = (n: number, one: string): string => `${formatNumber(n)} ${n === 1 ? one : `${one}s`}`;

/** The address of a week's Write screen. */
export const writeUrl = (weekStart: string): string => `/write/${weekStart}`;

/**
 * The notification for a reminder. A nudge the writer does not need (they have captured enough)
 * is still shown, silently: browsers expect every push to show something, and Safari withdraws
 * the subscription of a site whose pushes show nothing (see ADR 0012).
 */
export function reminderNotice(push: ReminderPush, week: WeekTally): ReminderNotice {
  const base = { tag: 'weeknotes-reminder' as const, data: { url: writeUrl(week.weekStart) } };
  const heading = `Week ${week.isoWeek}`;
  if (push.reminder === 'nudge') {
    const enough = week.moments >= push.fewerThan;
    return {
      ...base,
      title: `${heading}: ${week.moments === 0 ? 'no moments yet' : `${count(week.moments, 'moment')} so far`}`,
      body: enough
        ? 'Enough for a weeknote already. Keep going.'
        : 'Anything worth jotting down from this week?',
      silent: enough,
    };
  }
  const items = week.nextWeek > 0 ? `, ${count(week.nextWeek, 'next-week item')}` : '';
  return {
    ...base,
    title:
      week.moments === 0
        ? `${heading}: no moments yet`
        : `${heading}: ${count(week.moments, 'moment')}${items}`,
    body: 'Write your weeknote?',
    silent: false,
  };
}

/** The app address a notification's data leads to: one of our own Write screens, or home. */
export function noticeTarget(data: unknown): string {
  const url = (data as { url?: unknown } | null)?.url;
  return typeof url === 'string' && /^\/write\/\d{4}-\d{2}-\d{2}$/.test(url) ? url : '/';
}

/** An open window of the app, as the service worker sees it. */
export interface OpenWindow {
  /** Its full address. */
  url: string;
  focused: boolean;
}

/** What a tap on a notification does: focus a window already there, take one there, or open one. */
export type TapAction =
  | { kind: 'focus'; index: number }
  | { kind: 'navigate'; index: number; path: string }
  | { kind: 'open'; path: string };

/**
 * Tapping a reminder: a window already on that page is focused; otherwise an open window (the
 * focused one first) goes there, since unsaved text is kept on every keystroke; else a new one.
 */
export function tapAction(windows: readonly OpenWindow[], path: string): TapAction {
  const there = windows.findIndex((w) => new URL(w.url).pathname === path);
  if (there >= 0) return { kind: 'focus', index: there };
  if (windows.length === 0) return { kind: 'open', path };
  const focused = windows.findIndex((w) => w.focused);
  return { kind: 'navigate', index: focused >= 0 ? focused : 0, path };
}
