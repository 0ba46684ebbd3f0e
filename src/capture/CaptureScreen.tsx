import { useEffect } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { useAppState } from '../app/app-state';
import { useLater } from '../app/use-later';
import { CaptureForm } from './CaptureForm';
import { sharedText } from './shared-text';

const loadToday = () => import('./TodayMoments').then((m) => m.TodayMoments);

/**
 * The start screen: the capture box, which is in the page's HTML and takes focus before any
 * script runs, then open commitments and today's moments once the page may load them.
 */
export function CaptureScreen() {
  const state = useAppState();
  const { path, query, route } = useLocation();
  const shared = path === '/share' ? sharedText(query) : '';
  const today = useLater(loadToday);

  useEffect(() => {
    // The shared text is now in the box and kept as unsaved text, so the URL can be tidied.
    if (path === '/share') route('/', true);
  }, [path, route]);

  return (
    <>
      <h1 class="visually-hidden">Capture a moment</h1>
      <CaptureForm shared={shared} onSaved={() => state.savedCount.value++} />
      {today.Component && <today.Component />}
      {today.failed && (
        <p class="empty" role="alert">
          Today’s moments could not be loaded. Reload to try again.
        </p>
      )}
    </>
  );
}
