import { useLocation, useRoute } from 'preact-iso';
import { useAppState } from '../app/app-state';
import { useLive } from '../app/use-live';
import { MomentItem } from '../capture/MomentItem';
import { momentsBetween } from '../storage/moments';
import { isCalendarDate } from './calendar-date';
import { groupByDay } from './group-by-day';
import { dayLabel, daysOf, shiftWeek, weekBeginningLabel, weekContaining } from './iso-week';
import { SearchMoments } from './SearchMoments';
import { useToday } from './use-today';

/** The week's moments grouped by day, with the way to earlier and later weeks and search. */
export function WeekScreen() {
  const { settings } = useAppState();
  const { params } = useRoute();
  const { route } = useLocation();
  const today = useToday();
  const weekStartsOn = settings.value.weekStartsOn;
  const asked = params.start && isCalendarDate(params.start) ? params.start : today;
  const week = weekContaining(asked, weekStartsOn);
  const moments = useLive(() => momentsBetween(week.start, week.end), [week.start, week.end]);
  const thisWeek = weekContaining(today, weekStartsOn);
  const before = shiftWeek(week, -1, weekStartsOn);
  const after = shiftWeek(week, 1, weekStartsOn);
  const currentYear = Number(today.slice(0, 4));
  const groups = moments ? groupByDay(moments, daysOf(week)) : [];

  return (
    <>
      <section aria-labelledby="week-heading" class="week">
        <h1 id="week-heading">{weekBeginningLabel(week, currentYear)}</h1>
        <p class="week-number">
          Week {week.isoWeek}, {week.isoYear}
          {week.start === thisWeek.start && ' (this week)'}
        </p>
        <nav class="week-nav" aria-label="Weeks">
          <a
            href={`/week/${before.start}`}
            aria-label={`Earlier: ${weekBeginningLabel(before, currentYear)}`}
          >
            ← Earlier
          </a>
          {week.start !== thisWeek.start && (
            <button type="button" class="secondary" onClick={() => route('/week')}>
              This week
            </button>
          )}
          <a
            href={`/week/${after.start}`}
            aria-label={`Later: ${weekBeginningLabel(after, currentYear)}`}
          >
            Later →
          </a>
        </nav>
        <SearchMoments />
        {moments && groups.length === 0 && <p class="empty">No moments this week.</p>}
        {groups.map((g) => (
          <section key={g.date} aria-labelledby={`day-${g.date}`} class="day">
            <h2 id={`day-${g.date}`}>{dayLabel(g.date)}</h2>
            <ul class="moments">
              {g.moments.map((m) => (
                <MomentItem key={m.id} moment={m} />
              ))}
            </ul>
          </section>
        ))}
      </section>
    </>
  );
}
