/**
 * When the capture screen may start loading what capture itself does not need (storage, sync,
 * the service-worker bridge, today's list): once the writer's first keystroke has reached the
 * box, at a tap, or once the browser is idle after the page has loaded, whichever comes first.
 * Every other screen needs its data at once, so there the gate is open from the start.
 */
import { isCapturePath } from '../capture/paths';

/**
 * How long after the page has loaded before idle time counts: a writer who opened the app to
 * type has had time for a first keystroke, which should find nothing else loading.
 */
const QUIET_AFTER_LOAD_MS = 600;

let opened: Promise<void> | null = null;

/** Resolves when the rest of the app may load (see above). */
export function afterFirstInput(): Promise<void> {
  opened ??= typeof window === 'undefined' ? Promise.resolve() : gate();
  return opened;
}

function gate(): Promise<void> {
  if (!isCapturePath(location.pathname)) return Promise.resolve();
  return new Promise((open) => {
    // `input`, not `keydown`: the first keystroke itself must find nothing else loading.
    const events = ['input', 'pointerdown'] as const;
    const done = (): void => {
      events.forEach((e) => document.removeEventListener(e, done, true));
      open();
    };
    events.forEach((e) => document.addEventListener(e, done, { capture: true, passive: true }));
    const idle = (): void => {
      setTimeout(() => {
        if ('requestIdleCallback' in window) requestIdleCallback(done, { timeout: 2000 });
        else done();
      }, QUIET_AFTER_LOAD_MS);
    };
    if (document.readyState === 'complete') idle();
    else addEventListener('load', idle, { once: true });
  });
}
