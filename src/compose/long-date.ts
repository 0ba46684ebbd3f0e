import { toUtcNoon } from '../week/calendar-date';

const longFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const monthFormat = new Intl.DateTimeFormat('en-GB', {
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
