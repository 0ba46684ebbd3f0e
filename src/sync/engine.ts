import type { SettingsTouched, SyncStore, Unsettled } from '../storage/sync-store';
import type { UploadProgress } from '../storage/sync-upload';
import { MAX_BATCH, type Mutation } from './protocol';
import { SyncError, type Remote } from './remote';
import { resolveConflict } from './resolve';

/** What the writer is shown about sync. */
export interface SyncStatus {
  state: 'local-only' | 'synced' | 'syncing' | 'offline' | 'error' | 'signed-out' | 'locked';
  /** Changes on this device not yet acknowledged by the server. */
  pending: number;
  lastSyncedAt: string | null;
  message: string | null;
  /** Signing in uploads everything the device holds: how far it has gone, while it runs. */
  upload?: UploadProgress | null;
}

// Plaintext characters per push: sealed, up to four times as many bytes (non-ASCII text, base64),
// which keeps a push well under the server's 16 MB body limit.
const BATCH_CHARS = 2_000_000;
const PULL_PAGE = 1000;

/** What a round did: settings it changed on this device, clashes kept, and when it finished. */
export interface RoundResult extends SettingsTouched {
  /** Shown as the last sync. Stored only when the round changed something (or none is stored). */
  syncedAt: string;
  /** How many moments the pull brought, to be indexed for search. */
  pulled: number;
  /** Records whose answers could not be merged (still queued) or pulled ones it could not read. */
  unsettled: Unsettled[];
}

/**
 * One round of sync: push everything waiting (batch by batch), then pull everything new. Says
 * which settings changed on this device, so the app can show them at once. A round with nothing
 * to push and nothing new to pull (every few seconds while the app is open) writes nothing.
 */
export async function syncRound(
  store: SyncStore,
  remote: Remote,
  now: () => Date,
): Promise<RoundResult> {
  const resolve = resolveConflict(now);
  const touched: SettingsTouched = { settings: [], clashes: 0 };
  let changed = false;
  let pulled = 0;
  const unsettled: Unsettled[] = [];
  // A record whose answer failed to settle waits for the next round, not the next batch.
  const claim = (claimed: Set<string>) =>
    store.claimBatch(MAX_BATCH, BATCH_CHARS, new Set(unsettled.map((u) => u.id)), claimed);
  const send = (batch: { mutations: Mutation[] } | null) => {
    if (!batch) return null;
    const answer = batch.mutations.length > 0 ? remote.push(batch.mutations) : Promise.resolve([]);
    answer.catch(() => undefined); // met when awaited, not as an unhandled rejection
    return answer;
  };
  // Pipelined: while one batch is on the network, the next is taken from storage, and while
  // that one is on the network, the answers to the first are settled. One request at a time,
  // sent in order, each settled in order.
  let batch = await claim(new Set());
  let sending = send(batch);
  while (batch && sending) {
    changed = true;
    let next = await claim(new Set([batch.key]));
    if (next) remote.prepare?.(next.mutations); // sealed while this batch is on the network
    const outcomes = await sending;
    sending = send(next);
    const settled = await store.settleBatch(outcomes, resolve, now().toISOString(), batch.key);
    touched.settings.push(...settled.settings);
    touched.clashes += settled.clashes;
    unsettled.push(...settled.failed);
    if (!next) {
      // Settling may have queued more: a merge to push again, a conflict copy.
      next = await claim(new Set());
      sending = send(next);
    }
    batch = next;
  }
  const { cursor, lastSyncedAt } = await store.syncState();
  let since = cursor;
  let page = await remote.pull(since, PULL_PAGE);
  for (;;) {
    // The next page is fetched while this one is stored: the network and IndexedDB overlap.
    const next = page.more ? remote.pull(page.cursor, PULL_PAGE) : null;
    next?.catch(() => undefined); // its failure is met below, not as an unhandled rejection
    if (page.changes.length > 0 || page.cursor !== since) {
      const stored = await store.storePulled(page.changes, page.cursor);
      touched.settings.push(...stored.settings);
      unsettled.push(...stored.unreadable);
      pulled += page.changes.filter((c) => c.kind === 'moment').length;
      changed = true;
    }
    if (page.heldBack) unsettled.push({ ...page.heldBack, direction: 'held' });
    if (!next) break;
    since = page.cursor;
    page = await next;
  }
  const syncedAt = now().toISOString();
  if (changed || lastSyncedAt === null) await store.setLastSynced(syncedAt);
  return { ...touched, syncedAt, pulled, unsettled };
}

/** Backoff after a failure: 2 s, 4 s, 8 s … up to 5 minutes. */
export function retryDelay(failures: number): number {
  return Math.min(300_000, 2000 * 2 ** Math.max(0, failures - 1));
}

/** How a failed round is shown. */
export function failureStatus(err: unknown): Pick<SyncStatus, 'state' | 'message'> {
  if (err instanceof SyncError) {
    if (err.kind === 'offline') return { state: 'offline', message: null };
    if (err.kind === 'signed-out') {
      return { state: 'signed-out', message: 'This device is signed out. Sign in again to sync.' };
    }
    return { state: 'error', message: err.message };
  }
  return { state: 'error', message: (err as Error).message || 'Sync failed.' };
}

/** How a round is shown when some records could not be settled or read (the rest synced). */
export function unsettledMessage(unsettled: Unsettled[]): string {
  const first = unsettled[0];
  if (!first) return '';
  const count = unsettled.length === 1 ? 'One change' : `${unsettled.length} changes`;
  const kept =
    first.direction === 'push'
      ? 'It is kept on this device and tried again.'
      : first.direction === 'held'
        ? 'It is fetched again once this device has the key.'
        : 'It was left on the server, for the device that wrote it to correct.';
  return `${count} could not be synced (${first.kind} ${first.id}: ${first.reason}). ${kept}`;
}
