import type { WeekStartDay } from '../storage/records';
import { shiftWeek, weekBeginningLabel, type Week } from './iso-week';

interface Props {
  week: Week;
  thisWeek: Week;
  currentYear: number;
  weekStartsOn: WeekStartDay;
}

/** Earlier, This week and Later as one segmented bar. */
export function WeekNav({ week, thisWeek, currentYear, weekStartsOn }: Props) {
  const before = shiftWeek(week, -1, weekStartsOn);
  const after = shiftWeek(week, 1, weekStartsOn);
  const isThisWeek = week.start === thisWeek.start;
  return (
    <nav class="week-nav" aria-label="Weeks">
      <a
        href={`/week/${before.start}`}
        aria-label={`Earlier: ${weekBeginningLabel(before, currentYear)}`}
      >
        <span aria-hidden="true">‹</span> Earlier
      </a>
      <a href="/week" aria-current={isThisWeek ? 'date' : undefined}>
        This week
      </a>
      <a
        href={`/week/${after.start}`}
        aria-label={`Later: ${weekBeginningLabel(after, currentYear)}`}
      >
        Later <span aria-hidden="true">›</span>
      </a>
    </nav>
  );
}
