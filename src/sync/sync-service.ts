import { observe } from '../storage/live';
import { indexInBackground } from '../storage/search-index';
import { syncStore, type Account, type SettingsTouched } from '../storage/sync-store';
import { failureStatus, retryDelay, syncRound, unsettledMessage, type SyncStatus } from './engine';
import { httpRemote } from './remote';

const AFTER_WRITE_MS = 2000;
// While the app is open and visible, look for other devices' changes this often.
const EVERY_MS = 5_000;

/** The later of two ISO times (null when neither is known). */
const later = (a: string | null, b: string | null): string | null =>
  a && b && a > b ? a : (b ?? a);

/** The running sync for this tab: when to sync, one tab at a time, and what to show. */
export interface SyncService {
  syncNow: () => Promise<void>;
  /** Call after signing in: uploads everything this device has, then syncs. */
  signedIn: (account: Account) => Promise<void>;
  signedOut: () => Promise<void>;
}

/**
 * Starts syncing: on start, on `online`, when the app becomes visible, shortly after each write,
 * and every few seconds while open and visible, with backoff after failures. A Web Lock makes sure two tabs never
 * push the same outbox at once. Background Sync is not used (Chromium only).
 */
export function startSyncService(
  onStatus: (status: SyncStatus) => void,
  onSettings: (touched: SettingsTouched) => void = () => undefined,
): SyncService {
  const store = syncStore();
  let account: Account | null = null;
  let status: SyncStatus = { state: 'local-only', pending: 0, lastSyncedAt: null, message: null };
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let lastPending = 0;
  // Pulled moments wait to be indexed for search; a round that pulled none has nothing to index.
  let unindexed = true;

  const show = (changes: Partial<SyncStatus>): void => {
    status = { ...status, ...changes };
    onStatus(status);
  };

  const schedule = (ms: number): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void syncNow(), ms);
  };

  async function round(): Promise<void> {
    if (!account) return;
    if (!navigator.onLine) return show({ state: 'offline' });
    show({ state: 'syncing', message: null });
    try {
      const work = () => syncRound(store, httpRemote, () => new Date());
      const result = navigator.locks
        ? await navigator.locks.request('weeknotes-sync', work)
        : await work();
      if (result.settings.length > 0 || result.clashes > 0) onSettings(result);
      // Pulled moments are stored first and indexed for search after, without holding sync up.
      // If indexing fails they stay searchable (search reads them directly) and it tries again.
      if (result.pulled > 0) unindexed = true;
      if (unindexed) {
        unindexed = false;
        void indexInBackground().catch(() => {
          unindexed = true;
        });
      }
      const state = await store.syncState();
      // An idle round stores nothing, so the time it finished is shown from here.
      const shown = { lastSyncedAt: result.syncedAt, pending: state.pending };
      if (result.unsettled.length > 0) {
        // Everything else synced; these stay queued and are tried again after a pause.
        show({ ...shown, state: 'error', message: unsettledMessage(result.unsettled) });
        failures++;
        return schedule(retryDelay(failures));
      }
      failures = 0;
      show({ ...shown, state: 'synced' });
      if (document.visibilityState === 'visible') schedule(EVERY_MS);
    } catch (err) {
      unindexed = true; // pages stored before the failure may hold moments
      const failure = failureStatus(err);
      show(failure);
      if (failure.state === 'signed-out') return;
      failures++;
      schedule(retryDelay(failures));
    }
  }

  function syncNow(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = round().finally(() => {
      running = null;
      if (again) {
        again = false;
        void syncNow();
      }
    });
    return running;
  }

  observe(
    () => store.syncState(),
    (state) => {
      account = state.account;
      if (!account) show({ state: 'local-only', pending: state.pending, message: null });
      else
        show({
          pending: state.pending,
          lastSyncedAt: later(status.lastSyncedAt, state.lastSyncedAt),
        });
      if (account && state.pending > lastPending && status.state !== 'signed-out')
        schedule(AFTER_WRITE_MS);
      lastPending = state.pending;
    },
    (err) => show({ state: 'error', message: (err as Error).message }),
  );

  window.addEventListener('online', () => void syncNow());
  window.addEventListener('offline', () => account && show({ state: 'offline' }));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void syncNow();
    else if (timer) clearTimeout(timer);
  });
  void store
    .queueUnsyncedSettings(new Date().toISOString())
    .catch(() => undefined)
    .then(() => store.syncState())
    .then((state) => {
      account = state.account;
      if (account) void syncNow();
    });

  return {
    syncNow,
    async signedIn(next) {
      status = { ...status, lastSyncedAt: null };
      await store.startFreshSync(new Date().toISOString());
      await store.setAccount(next);
      account = next;
      failures = 0;
      await syncNow();
    },
    async signedOut() {
      await store.setAccount(null);
      account = null;
      if (timer) clearTimeout(timer);
      show({ state: 'local-only', message: null });
    },
  };
}
