import { Workbox } from 'workbox-window';
import { listenForInstallOffer } from './install';

/** What the page learns from the service worker. */
export interface ServiceWorkerEvents {
  /** A new version is installed and waiting; `accept` switches to it and reloads. */
  onUpdateWaiting: (accept: () => Promise<void>) => void;
}

/**
 * The only place the page talks to the service worker. Updates never apply on their own
 * (registerType 'prompt'): the writer chooses when. Unsaved text is already kept on every
 * keystroke, and `pagehide` flushes anything pending as the page reloads.
 */
export function startServiceWorker(events: ServiceWorkerEvents): void {
  listenForInstallOffer();
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const wb = new Workbox('/sw.js', { scope: '/' });

  const accept = (): Promise<void> => {
    // Reload once the new version has taken control, whether or not this page was
    // controlled when it loaded (on a first visit it was not).
    navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), {
      once: true,
    });
    wb.messageSkipWaiting();
    return Promise.resolve();
  };

  wb.addEventListener('waiting', () => events.onUpdateWaiting(accept));
  // An update found by a later check (another tab, or registration.update()) is "external".
  wb.addEventListener('installed', (event) => {
    if (event.isExternal) events.onUpdateWaiting(accept);
  });

  void wb.register().then((registration) => {
    // Look for a new version whenever the writer comes back to the app.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') void registration?.update().catch(() => {});
    });
  });
}
