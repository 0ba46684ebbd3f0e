import { registerSW } from 'virtual:pwa-register';
import { listenForInstallOffer } from './install';

/** What the page learns from the service worker. */
export interface ServiceWorkerEvents {
  /** A new version is installed and waiting; `accept` reloads into it. */
  onUpdateWaiting: (accept: () => Promise<void>) => void;
  onOfflineReady?: () => void;
}

/**
 * The only place the page talks to the service worker. Updates never apply on their own
 * (registerType 'prompt'): the writer chooses when, and unsaved text is kept before reloading.
 */
export function startServiceWorker(events: ServiceWorkerEvents): void {
  listenForInstallOffer();
  if (!('serviceWorker' in navigator)) return;
  const updateSW = registerSW({
    immediate: true,
    onNeedRefresh: () => events.onUpdateWaiting(() => updateSW(true)),
    onOfflineReady: () => events.onOfflineReady?.(),
    onRegisteredSW: (_url, registration) => {
      if (!registration) return;
      // Look for a new version whenever the writer comes back to the app.
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') void registration.update().catch(() => {});
      });
    },
  });
}
