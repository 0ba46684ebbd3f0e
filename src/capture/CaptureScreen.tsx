import { useEffect } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { useAppState } from '../app/app-state';
import { useLive } from '../app/use-live';
import { momentsOnDay } from '../storage/moments';
import { dayLabel } from '../week/iso-week';
import { OpenCommitments } from '../commitments/OpenCommitments';
import { useToday } from '../week/use-today';
import { CaptureForm } from './CaptureForm';
import { MomentItem } from './MomentItem';
import { sharedText } from './shared-text';

/** The start screen: the capture box and today's moments, newest first. */
export function CaptureScreen() {
  const state = useAppState();
  const { path, query, route } = useLocation();
  const today = useToday();
  const moments = useLive(() => momentsOnDay(today), [today]);
  const shared = path === '/share' ? sharedText(query) : '';

  useEffect(() => {
    // The shared text is now in the box and kept as unsaved text, so the URL can be tidied.
    if (path === '/share') route('/', true);
  }, [path, route]);

  return (
    <>
      <h1 class="visually-hidden">Capture a moment</h1>
      <CaptureForm shared={shared} onSaved={() => state.savedCount.value++} />
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
