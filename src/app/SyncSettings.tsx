import { useEffect, useState } from 'preact/hooks';
import { syncStore, type Account } from '../storage/sync-store';
import { signOut } from '../sync/account';
import { reportProblem, useAppState } from './app-state';
import { DevicesPanel } from './DevicesPanel';
import { NewDeviceHandOver } from './LinkHandOver';
import { RecoveryCodes } from './RecoveryCodes';
import { SignInPanel, type SignedIn } from './SignInPanel';
import { syncService } from './start';

/** Sync: the account this device uses, recovery codes once, devices, and signing out. */
export function SyncSettings() {
  const state = useAppState();
  const [account, setAccount] = useState<Account | null | undefined>(undefined);
  const [shown, setShown] = useState<{ codes: string[]; recoveryKey: string | null } | null>(null);
  const [joined, setJoined] = useState<string | null>(null);
  const signedOut = state.sync.value.state === 'signed-out';

  useEffect(() => {
    void syncStore()
      .syncState()
      .then(
        (s) => setAccount(s.account),
        (err: unknown) => reportProblem(state, err, 'read'),
      );
  }, [state]);

  async function signedIn({ me, codes, recoveryKey, linkCode }: SignedIn): Promise<void> {
    const next = { userId: me.userId, deviceId: me.deviceId, deviceName: me.deviceName };
    if (codes) setShown({ codes, recoveryKey: recoveryKey ?? null });
    setJoined(linkCode ?? null);
    setAccount(next);
    await (await syncService(state)).signedIn(next);
  }

  async function leave(): Promise<void> {
    await signOut().catch(() => undefined);
    await (await syncService(state)).signedOut();
    setAccount(null);
  }

  return (
    <section class="settings-card" aria-labelledby="sync-settings" id="sync">
      <h2 id="sync-settings">Sync</h2>
      {account === undefined ? null : !account || signedOut ? (
        <SignInPanel onSignedIn={(signed) => void signedIn(signed)} />
      ) : (
        <>
          <p>
            Syncing as <strong>{account.deviceName}</strong>.{' '}
            <button
              type="button"
              class="secondary"
              onClick={() => void syncService(state).then((s) => s.syncNow())}
            >
              Sync now
            </button>
          </p>
          {joined && (
            <NewDeviceHandOver
              code={joined}
              deviceId={account.deviceId}
              onUnlocked={() => void syncService(state).then((s) => s.syncNow())}
            />
          )}
          {shown && (
            <RecoveryCodes
              codes={shown.codes}
              recoveryKey={shown.recoveryKey}
              onDone={() => setShown(null)}
            />
          )}
          <DevicesPanel />
          <p>
            <button type="button" class="secondary" onClick={() => void leave()}>
              Sign out of this device
            </button>
          </p>
        </>
      )}
    </section>
  );
}
