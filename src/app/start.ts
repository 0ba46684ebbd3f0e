import { effect } from '@preact/signals';
import { openStorage } from '../storage/open';
import { getSettings, updateSettings } from '../storage/settings';
import { toStorageProblem } from '../storage/errors';
import type { AppState } from './app-state';

/** Opens storage, loads settings, and wires the service worker and storage persistence. */
export async function startApp(state: AppState): Promise<void> {
  try {
    await openStorage();
    state.settings.value = await getSettings();
  } catch (err) {
    state.storageProblem.value = toStorageProblem(err, 'open');
  }
  askPersistenceAfterFirstSave(state);
  // Loaded after the capture screen is up, so it never delays the first keystroke.
  const { startServiceWorker } = await import('../pwa/sw-bridge');
  startServiceWorker({
    onUpdateWaiting: (accept) => {
      state.acceptUpdate.value = accept;
      state.updateWaiting.value = true;
    },
  });
  if (state.storageProblem.value?.kind === 'unavailable') return;
  const { startSyncService } = await import('../sync/sync-service');
  state.syncService.value = startSyncService((status) => {
    state.sync.value = status;
  });
}

function askPersistenceAfterFirstSave(state: AppState): void {
  const stop = effect(() => {
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
