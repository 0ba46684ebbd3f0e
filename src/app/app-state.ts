import { signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { StorageProblem, toStorageProblem } from '../storage/errors';
import { DEFAULT_SETTINGS } from '../storage/settings';
import type { Settings } from '../storage/records';
import type { SyncStatus } from '../sync/engine';
import type { SyncService } from '../sync/sync-service';

/** A short message with an optional action, such as "Moment deleted. Undo". */
export interface Toast {
  message: string;
  action?: { label: string; run: () => void };
}

/** Builds the app-wide state: plain signals, changed by the functions beside them. */
export function createAppState() {
  return {
    /** A storage failure the writer must see, or null. */
    storageProblem: signal<StorageProblem | null>(null),
    /** The text a failed write was saving, offered as a file so it can be kept elsewhere. */
    unsavedText: signal<string | null>(null),
    settings: signal<Settings>(DEFAULT_SETTINGS),
    /** True once the saved settings are read: screens show settings values only after this. */
    settingsLoaded: signal(false),
    toast: signal<Toast | null>(null),
    /** Moments saved since the app opened. */
    savedCount: signal(0),
    /** A new version of the app is waiting to take over. */
    updateWaiting: signal(false),
    /** Accepts the waiting update; set by the service-worker bridge. */
    acceptUpdate: signal<(() => Promise<void>) | null>(null),
    sync: signal<SyncStatus>({
      state: 'local-only',
      pending: 0,
      lastSyncedAt: null,
      message: null,
    }),
    /** The running sync, once loaded. */
    syncService: signal<SyncService | null>(null),
  };
}

export type AppState = ReturnType<typeof createAppState>;

export const AppStateContext = createContext<AppState | null>(null);

/** The app state of the surrounding provider. */
export function useAppState(): AppState {
  const state = useContext(AppStateContext);
  if (!state) throw new Error('useAppState needs an AppStateContext provider');
  return state;
}

/**
 * Shows a storage failure to the writer. A storage that never opened stays the headline. `text`
 * is what the failed write held: the writer can download it from the banner.
 */
export function reportProblem(
  state: AppState,
  err: unknown,
  during: 'write' | 'read' = 'write',
  text?: string,
): void {
  if (text !== undefined) state.unsavedText.value = text;
  const problem = toStorageProblem(err, during);
  if (state.storageProblem.value?.kind === 'unavailable' && problem.kind !== 'quota') return;
  state.storageProblem.value = problem;
}

/** Shows a short message, replacing any shown before. */
export function showToast(state: AppState, toast: Toast): void {
  state.toast.value = toast;
}
