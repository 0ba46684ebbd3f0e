import { addDays, getISOWeeksInYear, setISOWeek, startOfISOWeek } from 'date-fns';
import type { WeekStartDay } from '../storage/records';
import { fromLocalDate } from '../week/calendar-date';
import { weekContaining, type Week } from '../week/iso-week';

/** The same ISO week a year before, and a note when it had to be the nearest one instead. */
export interface LastYearWeek {
  week: Week;
  /** Set when last year had no such week (week 53): what is shown instead. */
  note: string | null;
}

/**
 * The writer's week holding the same ISO week number in the ISO year before. A week 53 looks
 * back at week 52 when the year before had only 52 weeks, and says so.
 */
export function sameWeekLastYear(week: Week, weekStartsOn: WeekStartDay): LastYearWeek {
  const year = week.isoYear - 1;
  // 4 January is always in ISO week 1 of its year.
  const fourth = new Date(year, 0, 4);
  const weeks = getISOWeeksInYear(fourth);
  const number = Math.min(week.isoWeek, weeks);
  const monday = startOfISOWeek(setISOWeek(fourth, number));
  // The Thursday decides which of the writer's weeks holds that ISO week.
  const found = weekContaining(fromLocalDate(addDays(monday, 3)), weekStartsOn);
  const note =
    number === week.isoWeek
      ? null
      : `${year} had no week ${week.isoWeek}: this is week ${number}, the nearest.`;
  return { week: found, note };
}
