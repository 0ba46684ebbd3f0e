/** A calendar day written yyyy-MM-dd, with no time or zone. */
export type CalendarDate = string;

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a string is a real yyyy-MM-dd calendar date. */
export function isCalendarDate(value: string): value is CalendarDate {
  const m = PATTERN.exec(value);
  if (!m) return false;
  const d = toLocalDate(value);
  return d.getMonth() === Number(m[2]) - 1 && d.getDate() === Number(m[3]);
}

/** The calendar date as a Date at local midnight, for date-fns arithmetic. */
export function toLocalDate(date: CalendarDate): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

/** The calendar date of a Date's local day. */
export function fromLocalDate(date: Date): CalendarDate {
  const y = String(date.getFullYear()).padStart(4, '0');
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** The calendar date at noon UTC, so Intl can format it without zone shifts. */
export function toUtcNoon(date: CalendarDate): Date {
  return new Date(`${date}T12:00:00Z`);
}
