import { effect } from '@preact/signals';
import { openStorage } from '../storage/open';
import { getSettings, updateSettings } from '../storage/settings';
import { toStorageProblem } from '../storage/errors';
import type { SettingsTouched } from '../storage/sync-store';
import type { SyncService } from '../sync/sync-service';
import { reportProblem, showToast, type AppState } from './app-state';
import { whenIdle } from './idle';

/** Opens storage, loads settings, and wires the service worker and storage persistence. */
export async function startApp(state: AppState): Promise<void> {
  try {
    await openStorage();
    state.settings.value = await getSettings();
  } catch (err) {
    state.storageProblem.value = toStorageProblem(err, 'open');
  } finally {
    // With storage unusable the defaults are all there is; screens must not wait forever.
    state.settingsLoaded.value = true;
  }
  askPersistenceAfterFirstSave(state);
  // Loaded once the screen has shown what it opened for, so it never delays the first keystroke
  // or the week's first paint.
  await idle();
  // Finish indexing any moments a sync stored before the app was last closed.
  void import('../storage/search-index').then((m) => m.indexInBackground()).catch(() => undefined);
  const { startServiceWorker } = await import('../pwa/sw-bridge');
  startServiceWorker({
    onUpdateWaiting: (accept) => {
      state.acceptUpdate.value = accept;
      state.updateWaiting.value = true;
    },
  });
  if (state.storageProblem.value?.kind === 'unavailable') return;
  // This week's count on the installed app's icon, where the browser shows one.
  if ('setAppBadge' in navigator)
    void import('./week-badge').then((m) => m.keepBadgeCurrent(state)).catch(() => undefined);
  // Weeknotes queued for the writer's blog go out now and whenever the device is back online.
  void import('../publish/service')
    .then((m) => m.startPublishing((err) => reportProblem(state, err)))
    .catch((err: unknown) => reportProblem(state, err));
  await syncService(state);
}

/** Resolves when the browser is idle (or after a second at most); Safari has no idle callback. */
function idle(): Promise<void> {
  return new Promise((resolve) => {
    whenIdle(resolve, 1000);
  });
}

let loading: Promise<SyncService> | null = null;

/**
 * The running sync service, loading and starting it on first use. Anything that must reach it
 * (signing in, say) awaits this rather than finding it not loaded yet and silently doing nothing.
 */
export function syncService(state: AppState): Promise<SyncService> {
  loading ??= import('../sync/sync-service').then(({ startSyncService }) => {
    const service = startSyncService(
      (status) => {
        state.sync.value = status;
      },
      (touched) => void showSyncedSettings(state, touched),
    );
    state.syncService.value = service;
    // Each captured moment goes to the writer's other devices at once.
    let saved = state.savedCount.peek();
    effect(() => {
      if (state.savedCount.value === saved) return;
      saved = state.savedCount.value;
      service.pushSoon();
    });
    return service;
  });
  return loading;
}

/**
 * Shows settings another device changed (read back from storage, which is the truth: a change
 * typed here since the pull is already there), and says when two devices changed one at once.
 */
async function showSyncedSettings(state: AppState, touched: SettingsTouched): Promise<void> {
  try {
    const saved = await getSettings();
    const changed = Object.fromEntries(touched.settings.map((key) => [key, saved[key]]));
    state.settings.value = { ...state.settings.value, ...changed };
  } catch (err) {
    reportProblem(state, err, 'read');
  }
  if (touched.clashes > 0) {
    showToast(state, {
      message:
        touched.clashes === 1
          ? 'A setting was changed here and on another device at once. Settings shows both.'
          : 'Some settings were changed here and on another device at once. Settings shows both.',
    });
  }
}

function askPersistenceAfterFirstSave(state: AppState): void {
  const stop = effect(() => {
    if (!state.settingsLoaded.value) return;
    if (state.savedCount.value === 0 || state.settings.value.persistence !== 'not-asked') return;
    stop();
    void import('../pwa/persistence')
      .then((p) => p.requestPersistence())
      .then(async (persistence) => {
        state.settings.value = { ...state.settings.value, persistence };
        await updateSettings({ persistence });
      })
      .catch(() => {
        // Asking is a courtesy; the Settings screen shows the real state either way.
      });
  });
}
