import { useEffect, useState } from 'preact/hooks';
import { reportProblem, useAppState } from '../app/app-state';
import { renderMarkdown } from '../compose/render-markdown';
import { draftForWeek } from '../storage/drafts';
import { momentsBetween } from '../storage/moments';
import type { Draft, Moment } from '../storage/records';
import { dayLabel, weekBeginningLabel, type Week } from '../week/iso-week';
import { sameWeekLastYear } from './last-year';

interface Found {
  moments: Moment[];
  draft: Draft | undefined;
}

/** The same ISO week a year ago: its public moments and its weeknote, read when opened. */
export function LastYear({ week }: { week: Week }) {
  const state = useAppState();
  const [open, setOpen] = useState(false);
  const [found, setFound] = useState<Found | null>(null);
  const then = sameWeekLastYear(week, state.settings.value.weekStartsOn);
  const start = then.week.start;
  const end = then.week.end;

  useEffect(() => {
    if (!open) return;
    let current = true;
    Promise.all([momentsBetween(start, end), draftForWeek(start)]).then(
      ([moments, draft]) => {
        if (current) setFound({ moments: moments.filter((m) => !m.private), draft });
      },
      (err: unknown) => reportProblem(state, err, 'read'),
    );
    return () => {
      current = false;
    };
  }, [open, start, end, state]);

  return (
    <details class="panel threads-part" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>This week last year</summary>
      <p class="hint">
        {weekBeginningLabel(then.week, 0)}, week {then.week.isoWeek} of {then.week.isoYear}.{' '}
        {then.note}
      </p>
      {found === null ? (
        <p class="hint" role="status">
          Looking back…
        </p>
      ) : (
        <>
          {found.draft ? (
            <section class="last-year-note" aria-label={`Weeknote: ${found.draft.title}`}>
              <h3>{found.draft.title}</h3>
              <div
                class="prose"
                dangerouslySetInnerHTML={{ __html: renderMarkdown(found.draft.body) }}
              />
            </section>
          ) : (
            <p>No weeknote that week.</p>
          )}
          {found.moments.length > 0 ? (
            <ul class="thread-list" aria-label="Moments that week">
              {found.moments.map((m) => (
                <li key={m.id}>
                  <span class="hint">{dayLabel(m.localDate)}: </span>
                  {m.text}
                </li>
              ))}
            </ul>
          ) : (
            <p class="hint">No public moments that week.</p>
          )}
          <p>
            <a href={`/week/${start}`}>Open that week</a>
          </p>
        </>
      )}
    </details>
  );
}
