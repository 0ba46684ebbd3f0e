import { useLocation } from 'preact-iso';
import { useAppState } from '../app/app-state';
import { useLive } from '../app/use-live';
import { MomentItem } from '../capture/MomentItem';
import { momentsBetween } from '../storage/moments';
import { groupByDay } from './group-by-day';
import { dayLabel, daysOf, shiftWeek, weekBeginningLabel } from './iso-week';
import { SearchMoments } from './SearchMoments';
import { useRouteWeek } from './use-route-week';

/** The week's moments grouped by day, with the way to earlier and later weeks and search. */
export function WeekScreen() {
  const { settings } = useAppState();
  const { route } = useLocation();
  const { week, thisWeek, today } = useRouteWeek();
  const weekStartsOn = settings.value.weekStartsOn;
  const moments = useLive(() => momentsBetween(week.start, week.end), [week.start, week.end]);
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
        <p>
          <a class="button-link" href={`/write/${week.start}`}>
            Write the weeknote
          </a>
        </p>
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
