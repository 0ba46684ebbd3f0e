import { toUtcNoon } from '../week/calendar-date';
import { dateFormat } from '../text/dates';

const longFormat = dateFormat({
  timeZone: 'UTC',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const monthFormat = dateFormat({
  timeZone: 'UTC',
  month: 'long',
  year: 'numeric',
});

/** "20 November 2026". */
export function longDate(date: string): string {
  return longFormat.format(toUtcNoon(date));
}

/** "November 2021". */
export function monthLabel(date: string): string {
  return monthFormat.format(toUtcNoon(date));
}
