import { uploadMessage } from '../sync/upload-message';
import { useAppState } from './app-state';
import { dateFormat } from '../text/dates';

const time = dateFormat({ hour: '2-digit', minute: '2-digit' });
const dayTime = dateFormat({
  day: 'numeric',
  month: 'long',
  hour: '2-digit',
  minute: '2-digit',
});

function when(iso: string): string {
  const at = new Date(iso);
  return at.toDateString() === new Date().toDateString() ? time.format(at) : dayTime.format(at);
}

/** Always-visible sync state: synced, syncing, offline or a problem; changes waiting; last sync. */
export function SyncStatusLine() {
  const state = useAppState();
  const { state: actual, pending, lastSyncedAt, message, upload } = state.sync.value;
  // A routine round reads as the last good state: flipping the text to "Syncing…" every few
  // seconds is noise to a screen reader and ends the editor's undo step (use-settled.ts).
  const sync = actual === 'syncing' && lastSyncedAt && !upload ? 'synced' : actual;
  const alert =
    sync === 'offline'
      ? 'Offline'
      : sync === 'error'
        ? `Sync problem: ${message ?? 'unknown'}`
        : sync === 'signed-out'
          ? 'Signed out, sync stopped'
          : sync === 'locked'
            ? 'Locked, sync stopped'
            : '';
  const waiting = pending > 0 ? `${pending} ${pending === 1 ? 'change' : 'changes'} waiting` : '';
  const last = lastSyncedAt ? `last synced ${when(lastSyncedAt)}` : 'not synced yet';
  const parts: string[] = [];
  if (sync === 'local-only') parts.push('On this device only');
  if (sync === 'syncing') parts.push(upload ? uploadMessage(upload) : 'Syncing…');
  if (sync === 'synced')
    parts.push(`Synced ${lastSyncedAt ? when(lastSyncedAt) : ''}${waiting ? `, ${waiting}` : ''}`);
  if (sync === 'offline') parts.push(`Offline, ${waiting || 'nothing waiting'}; ${last}`);
  if (sync === 'error')
    parts.push(`Sync problem: ${message ?? 'unknown'}${waiting ? `; ${waiting}` : ''}`);
  if (sync === 'signed-out') parts.push(`Signed out, sync stopped${waiting ? `; ${waiting}` : ''}`);
  if (sync === 'locked') parts.push(`Locked, sync stopped${waiting ? `; ${waiting}` : ''}`);

  return (
    <p class={`sync-status sync-${sync}`} data-state={actual}>
      <span class="visually-hidden" role="status">
        {alert}
      </span>
      {parts.join(' ')}
      {sync === 'locked' && (
        <>
          {' · '}
          <a href="/settings#encryption">Unlock this device</a>
        </>
      )}
      {(sync === 'local-only' || sync === 'signed-out') && (
        <>
          {' · '}
          <a href="/settings#sync">{sync === 'local-only' ? 'Set up sync' : 'Sign in'}</a>
        </>
      )}
      {sync === 'error' && state.syncService.value && (
        <>
          {' · '}
          <button
            type="button"
            class="link-button"
            onClick={() => void state.syncService.value?.syncNow()}
          >
            Try again
          </button>
        </>
      )}
    </p>
  );
}
