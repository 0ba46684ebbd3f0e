const DAY_MS = 86_400_000;

/** Whole weeks from one week's first day to another's (calendar dates, yyyy-MM-dd). */
export function weeksBetween(fromWeekStart: string, toWeekStart: string): number {
  const days =
    (Date.parse(`${toWeekStart}T12:00:00Z`) - Date.parse(`${fromWeekStart}T12:00:00Z`)) / DAY_MS;
  return Math.round(days / 7);
}

/** The first day of the week before (calendar dates, yyyy-MM-dd). */
export function weekBefore(weekStart: string): string {
  return new Date(Date.parse(`${weekStart}T12:00:00Z`) - 7 * DAY_MS).toISOString().slice(0, 10);
}

/** How old a commitment made in one week is, seen from another: "from 3 weeks ago". */
export function ageLabel(madeWeekStart: string, currentWeekStart: string): string {
  const weeks = weeksBetween(madeWeekStart, currentWeekStart);
  if (weeks <= 0) return 'from this week';
  if (weeks === 1) return 'from last week';
  return `from ${weeks} weeks ago`;
}
