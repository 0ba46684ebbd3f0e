import { useEffect, useMemo, useState } from 'preact/hooks';
import { useAppState } from '../app/app-state';
import { useLive } from '../app/use-live';
import { MomentItem } from '../capture/MomentItem';
import { FILTER_HINT_ID } from '../capture/MomentText';
import { momentsBetween } from '../storage/moments';
import { keepWeek } from '../storage/week-cache';
import { cachedWeek } from '../storage/week-cache-read';
import { firstMoments, groupByDay } from './group-by-day';
import { dayLabel, daysOf, weekBeginningLabel } from './iso-week';
import { SearchMoments } from './SearchMoments';
import { useAfterFirstPaint } from './use-after-first-paint';
import { useRouteWeek } from './use-route-week';
import './week.css';
import { WeekNav } from './WeekNav';
import { WeekOverview } from './WeekOverview';
import { countOf } from '../app/plural';
import { filterLabel, matchesFilter, summarise, type MomentFilter } from './week-summary';

/** About as many moments as a phone shows before the writer scrolls. */
const FIRST_SCREEN_MOMENTS = 8;

/** The week at a glance: its numbers, tags and people, and its moments grouped by day. */
export function WeekScreen() {
  const { settings } = useAppState();
  const { week, thisWeek, today } = useRouteWeek();
  // A filter belongs to the week it was chosen in: moving to another week shows all of it.
  const [picked, setPicked] = useState<{ start: string; filter: MomentFilter | null }>();
  const filter = picked?.start === week.start ? picked.filter : null;
  const setFilter = (f: MomentFilter | null): void => setPicked({ start: week.start, filter: f });
  useEffect(() => setPicked(undefined), [week.start]);
  const live = useLive(() => momentsBetween(week.start, week.end), [week.start, week.end]);
  // This week paints at once from a small copy kept at its last showing (week-cache.ts).
  const isThisWeek = week.start === thisWeek.start;
  const cached = useMemo(
    () => (isThisWeek ? cachedWeek(week.start) : undefined),
    [isThisWeek, week.start],
  );
  useEffect(() => {
    if (live && isThisWeek) keepWeek(week.start, live);
  }, [live, isThisWeek, week.start]);
  const moments = live ?? cached;
  const currentYear = Number(today.slice(0, 4));
  const shown = moments?.filter((m) => matchesFilter(m, filter)) ?? [];
  const groups = groupByDay(shown, daysOf(week));
  // A long week draws its first screen first and the rest straight after that frame.
  const drawnAll = useAfterFirstPaint(moments !== undefined);
  const drawn = drawnAll ? groups : firstMoments(groups, FIRST_SCREEN_MOMENTS);
  // A day cut short on the first screen still says how many moments it has.
  const dayTotals = new Map(groups.map((g) => [g.date, g.moments.length]));

  return (
    <section aria-labelledby="week-heading" class="week">
      <header class="week-header">
        <h1 id="week-heading" tabIndex={-1}>
          {weekBeginningLabel(week, currentYear)}
        </h1>
        <p class="week-number">
          Week {week.isoWeek}, {week.isoYear}
          {week.start === thisWeek.start && ' (this week)'}
        </p>
      </header>
      <WeekNav
        week={week}
        thisWeek={thisWeek}
        currentYear={currentYear}
        weekStartsOn={settings.value.weekStartsOn}
      />
      <a class="button-link write-link" href={`/write/${week.start}`}>
        Write the weeknote
      </a>
      {moments && moments.length > 0 && (
        <WeekOverview
          summary={summarise(moments)}
          filter={filter}
          shown={shown.length}
          onFilter={setFilter}
        />
      )}
      <p id={FILTER_HINT_ID} class="visually-hidden">
        Shows only this week’s moments with this tag or person.
      </p>
      <SearchMoments />
      {moments && moments.length === 0 && <p class="empty">No moments this week.</p>}
      {filter && moments && moments.length > 0 && shown.length === 0 && (
        <p class="empty">No moments this week with {filterLabel(filter)}.</p>
      )}
      {drawn.map((g) => (
        <section key={g.date} aria-labelledby={`day-${g.date}`} class="day">
          <h2 id={`day-${g.date}`} class="day-heading">
            {dayLabel(g.date)}
            <span class="day-count"> · {countOf(dayTotals.get(g.date) ?? 0, 'moment')}</span>
          </h2>
          <ul class="moments" data-empty-focus="week-heading">
            {g.moments.map((m) => (
              <MomentItem key={m.id} moment={m} compact onFilter={setFilter} />
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
