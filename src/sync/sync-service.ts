import { observe } from '../storage/live';
import { indexInBackground } from '../storage/search-index';
import { syncStore, type Account, type SettingsTouched } from '../storage/sync-store';
import { clearKeyring } from '../storage/keyring-store';
import { failureStatus, retryDelay, unsettledMessage, type SyncStatus } from './engine';
import { keyedRound } from './keyed-round';
import { httpKeysApi } from './keyring';
import { LIVE_EVENTS_PATH } from './live-protocol';
import { liveStream } from './live-stream';
import { httpRemote } from './remote';

// Typing in a draft is gathered into one push two seconds after the last change; a captured
// moment goes sooner, so it is on the writer's other devices within a second.
const AFTER_WRITE_MS = 2000;
const AFTER_CAPTURE_MS = 250;
// Other devices' changes arrive on the live stream (ADR 0013). While it is down, look for them
// this often while visible; while it is up, now and then in case it died without a word.
const FALLBACK_MS = 60_000;
const SAFETY_MS = 300_000;

const LOCKED = 'Unlock with your passkey or recovery key to sync this device.';

/** The later of two ISO times (null when neither is known). */
const later = (a: string | null, b: string | null): string | null =>
  a && b && a > b ? a : (b ?? a);

/** The running sync for this tab: when to sync, one tab at a time, and what to show. */
export interface SyncService {
  syncNow: () => Promise<void>;
  /** Call after signing in: uploads everything this device has, then syncs. */
  signedIn: (account: Account) => Promise<void>;
  signedOut: () => Promise<void>;
  /** Call after a moment is captured: pushes it soon, not after the usual pause for typing. */
  pushSoon: () => void;
}

/**
 * Starts syncing: on start, on `online`, when the app becomes visible, shortly after each write,
 * when the live stream says another device pushed (polling every minute while visible when it
 * cannot connect), with backoff after failures. A Web Lock makes sure two tabs never
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

  // A round asked for soon (a capture) is not put off by the pause that gathers typing.
  let soonDue: number | null = null;
  const cancel = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    soonDue = null;
  };
  const schedule = (ms: number, soon = false): void => {
    const due = Date.now() + ms;
    if (timer && soonDue !== null && soonDue <= due) return;
    if (timer) clearTimeout(timer);
    soonDue = soon ? due : null;
    timer = setTimeout(() => {
      timer = null;
      soonDue = null;
      void syncNow();
    }, ms);
  };

  // One tab per device holds the stream; the others see its pulls through IndexedDB.
  const live = liveStream({
    open: () => new EventSource(LIVE_EVENTS_PATH),
    cursor: async () => (await store.syncState()).cursor,
    pull: () => void syncNow(),
    ...(navigator.locks
      ? { lead: (signal, held) => navigator.locks.request('weeknotes-live', { signal }, held) }
      : {}),
  });

  async function round(): Promise<void> {
    if (!account) return;
    if (!navigator.onLine) return show({ state: 'offline' });
    show({ state: 'syncing', message: null });
    try {
      const signedIn = account;
      const work = () => keyedRound(store, httpRemote, httpKeysApi, signedIn, () => new Date());
      const result = navigator.locks
        ? await navigator.locks.request('weeknotes-sync', work)
        : await work();
      if (result === 'locked') {
        // Nothing goes or comes until the writer unlocks this device (EncryptionSettings).
        live.stop();
        return show({ state: 'locked', message: LOCKED });
      }
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
      live.start(); // the server knows this device: keep a stream open to hear of changes
      // An idle round stores nothing, so the time it finished is shown from here.
      const shown = { lastSyncedAt: result.syncedAt, pending: state.pending, upload: state.upload };
      if (result.unsettled.length > 0) {
        // Everything else synced; these stay queued and are tried again after a pause.
        show({ ...shown, state: 'error', message: unsettledMessage(result.unsettled) });
        failures++;
        return schedule(retryDelay(failures));
      }
      failures = 0;
      show({ ...shown, state: 'synced' });
      if (document.visibilityState === 'visible') schedule(live.up ? SAFETY_MS : FALLBACK_MS);
    } catch (err) {
      unindexed = true; // pages stored before the failure may hold moments
      const failure = failureStatus(err);
      show(failure);
      if (failure.state === 'signed-out') return live.stop();
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
      if (!account) {
        live.stop();
        show({ state: 'local-only', pending: state.pending, message: null });
      } else
        show({
          pending: state.pending,
          upload: state.upload,
          lastSyncedAt: later(status.lastSyncedAt, state.lastSyncedAt),
        });
      if (account && state.pending > lastPending && status.state !== 'signed-out')
        schedule(AFTER_WRITE_MS);
      lastPending = state.pending;
    },
    (err) => show({ state: 'error', message: (err as Error).message }),
  );

  window.addEventListener('online', () => {
    live.reconnect(); // the network changed: the old stream may be dead without knowing it
    void syncNow();
  });
  window.addEventListener('offline', () => account && show({ state: 'offline' }));
  document.addEventListener('visibilitychange', () => {
    // A hidden tab keeps its stream: that is how it hears of changes.
    if (document.visibilityState === 'visible') {
      if (!live.up) live.reconnect();
      void syncNow();
    } else cancel();
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
    pushSoon() {
      if (account) schedule(AFTER_CAPTURE_MS, true);
    },
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
      await clearKeyring();
      account = null;
      live.stop();
      cancel();
      show({ state: 'local-only', message: null });
    },
  };
}
