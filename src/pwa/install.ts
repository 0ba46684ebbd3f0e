/** The event Chromium fires when the app can be installed (not yet in TypeScript's DOM types). */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

let deferred: BeforeInstallPromptEvent | null = null;
const listeners = new Set<() => void>();

/** Starts listening for the browser's offer to install; call once, early. */
export function listenForInstallOffer(): void {
  window.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault();
    deferred = event as BeforeInstallPromptEvent;
    listeners.forEach((l) => l());
  });
  window.addEventListener('appinstalled', () => {
    deferred = null;
    listeners.forEach((l) => l());
  });
}

/** Whether the browser has offered to install the app. */
export function canOfferInstall(): boolean {
  return deferred !== null;
}

/** Calls back when the install offer comes or goes; returns a stop function. */
export function onInstallOfferChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Shows the browser's install dialog. */
export async function offerInstall(): Promise<boolean> {
  if (!deferred) return false;
  const offer = deferred;
  deferred = null;
  await offer.prompt();
  return (await offer.userChoice).outcome === 'accepted';
}

/** Whether the app is running installed (from the home screen). */
export function isInstalled(): boolean {
  const standalone = (navigator as Navigator & { standalone?: boolean }).standalone === true;
  return standalone || window.matchMedia('(display-mode: standalone)').matches;
}

/** Whether this is iOS Safari, where installing is "Share → Add to Home Screen". */
export function isAppleMobile(): boolean {
  return /iPhone|iPad|iPod/.test(navigator.userAgent);
}
