import { useLive } from '../app/use-live';
import { OpenCommitments } from '../commitments/OpenCommitments';
import { momentsOnDay } from '../storage/moments';
import { dayLabel } from '../week/iso-week';
import { useToday } from '../week/use-today';
import { MomentItem } from './MomentItem';

/**
 * Under the capture box: open commitments and today's moments, newest first. Loaded after the
 * writer's first keystroke or when the page is idle, so nothing here delays typing.
 */
export function TodayMoments() {
  const today = useToday();
  const moments = useLive(() => momentsOnDay(today), [today]);
  return (
    <>
      <OpenCommitments today={today} />
      <section aria-labelledby="today-heading">
        <h2 class="today-heading">
          <span id="today-heading">Today</span> <span class="today-date">· {dayLabel(today)}</span>
        </h2>
        {moments && moments.length === 0 && <p class="empty">Nothing yet today.</p>}
        <ul class="moments" data-empty-focus="capture-text" hidden={!moments?.length}>
          {moments?.map((m) => (
            <MomentItem key={m.id} moment={m} />
          ))}
        </ul>
      </section>
    </>
  );
}
