import { useEffect, useState } from 'preact/hooks';
import { syncStore, type Account } from '../storage/sync-store';
import {
  encryptionStatus,
  newRecoveryKeyForAccount,
  unlockWithPasskey,
  unlockWithRecoveryKey,
} from '../sync/key-setup';
import { useAppState } from './app-state';
import { problemText } from './problem-text';
import { RecoveryCodes } from './RecoveryCodes';
import { syncService } from './start';

type Status = Awaited<ReturnType<typeof encryptionStatus>>;

/**
 * End-to-end encryption (ADR 0015): what it means, unlocking a device that has not been given
 * the key, and the recovery key.
 */
export function EncryptionSettings() {
  const state = useAppState();
  const sync = state.sync.value.state;
  // Asked again when the device signs in or out or is locked, not at every round's flicker.
  const phase = sync === 'locked' || sync === 'local-only' || sync === 'signed-out' ? sync : 'on';
  const [account, setAccount] = useState<Account | null | undefined>(undefined);
  const [status, setStatus] = useState<Status | 'unknown' | null>(null);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void syncStore()
      .syncState()
      .then(async (s) => {
        if (!live) return;
        setAccount(s.account);
        if (!s.account) return setStatus(null);
        const next = await encryptionStatus().catch(() => 'unknown' as const);
        if (live) setStatus(next);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [phase]);

  async function attempt(work: () => Promise<unknown>): Promise<void> {
    setBusy(true);
    setProblem(null);
    try {
      await work();
      setStatus(await encryptionStatus().catch(() => 'unknown' as const));
      await (await syncService(state)).syncNow();
    } catch (err) {
      setProblem(problemText(err));
    } finally {
      setBusy(false);
    }
  }

  const shownProblem = problem && (
    <p class="field-problem" role="alert">
      {problem}
    </p>
  );
  const locked = sync === 'locked' || (typeof status === 'object' && status?.state === 'locked');
  const open = typeof status === 'object' && status?.state === 'open';

  return (
    <section class="settings-card" aria-labelledby="encryption-settings" id="encryption">
      <h2 id="encryption-settings">End-to-end encrypted</h2>
      <p>
        What you sync is encrypted on your device before it leaves, with a key only your devices
        hold: moments, drafts, settings and commitments. The Weeknotes server stores it but cannot
        read it. It can see how many records you have, their sizes and when they change.
      </p>
      <p>
        We cannot read or recover your notes without your passkey or recovery key. If you lose every
        device, your passkey and your recovery key, the synced copy is lost; each device’s own copy
        and your backups still work.
      </p>
      {!(account && locked) && shownProblem}
      {account && locked && (
        <div class="panel" role="region" aria-label="Unlock this device">
          <h3>Unlock this device</h3>
          <p>
            This device has not been given the key to your notes yet, so nothing syncs. Unlock with
            your passkey or recovery key.
          </p>
          <p>
            <button
              type="button"
              disabled={busy}
              onClick={() => void attempt(() => unlockWithPasskey(account.deviceId))}
            >
              Unlock with your passkey
            </button>
          </p>
          <form
            class="settings-field"
            onSubmit={(e) => {
              e.preventDefault();
              void attempt(() => unlockWithRecoveryKey(account.deviceId, typed));
            }}
          >
            <label for="recovery-key">Recovery key</label>
            {/* Four lines, so all 56 symbols show at once to check against the saved key. */}
            <textarea
              id="recovery-key"
              class="recovery-key-field"
              rows={4}
              autoComplete="off"
              autoCapitalize="characters"
              spellcheck={false}
              value={typed}
              onInput={(e) => setTyped(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key !== 'Enter' || e.shiftKey) return;
                e.preventDefault();
                e.currentTarget.form?.requestSubmit();
              }}
            />
            {/* Beside the key tried and above the button just tapped, where the writer looks. */}
            {shownProblem}
            <button type="submit" class="secondary" disabled={busy || typed.trim() === ''}>
              Unlock with recovery key
            </button>
          </form>
        </div>
      )}
      {account && open && !recoveryKey && (
        <>
          {!status.recovery && (
            <p class="field-problem">
              This account has no recovery key. Make one, so a new device can be unlocked even
              without a passkey that unlocks.
            </p>
          )}
          <p>
            <button
              type="button"
              class="secondary"
              disabled={busy}
              onClick={() =>
                void attempt(async () => setRecoveryKey(await newRecoveryKeyForAccount()))
              }
            >
              {status.recovery ? 'Make a new recovery key' : 'Make a recovery key'}
            </button>
          </p>
          {status.recovery && (
            <p class="hint">A new recovery key replaces the old one, which then stops working.</p>
          )}
        </>
      )}
      {recoveryKey && (
        <RecoveryCodes codes={[]} recoveryKey={recoveryKey} onDone={() => setRecoveryKey(null)} />
      )}
      {account && status === 'unknown' && (
        <p class="hint">Could not reach the server to check this device’s keys.</p>
      )}
    </section>
  );
}
