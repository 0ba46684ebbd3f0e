import { readKeyring } from '../storage/keyring-store';
import type { Account, Kind, SyncStore } from '../storage/sync-store';
import { syncRound, type RoundResult } from './engine';
import { createAccountKey, keyState, refreshKeys, type KeysApi, type KeyState } from './keyring';
import type { Remote } from './remote';
import { sealedRemote, type SealingKeys } from './sealed-remote';

/**
 * The server with this device's keys: every payload sealed going out and opened coming in. A
 * payload naming a key this device lacks makes it fetch the keys once more.
 */
export function keyedRemote(
  remote: Remote,
  api: KeysApi,
  open: Extract<KeyState, { state: 'open' }>,
  plaintext?: SealingKeys['plaintext'],
): Remote {
  return sealedRemote(remote, {
    current: open.current,
    keys: open.keys,
    ...(plaintext ? { plaintext } : {}),
    async missing(keyId) {
      const store = await api.fetchKeyStore();
      await refreshKeys(api, store);
      return {
        keys: (await readKeyring()).keys,
        accountHas: store.keys.some((k) => k.keyId === keyId),
      };
    },
  });
}

/**
 * One round of sync with end-to-end encryption (ADR 0015). A device without the account's key
 * pushes nothing and pulls nothing ('locked'). An account from before encryption is brought up
 * to date in plaintext once, then this device makes its first data key and re-seals every
 * record; from then on the server refuses plaintext. While it re-seals, plaintext another device
 * pushed just before the key was made is read and queued to be sealed as well.
 */
export async function keyedRound(
  store: SyncStore,
  remote: Remote,
  api: KeysApi,
  account: Account,
  now: () => Date,
): Promise<RoundResult | 'locked'> {
  let state = await keyState(api);
  if (state.state === 'none') {
    await syncRound(store, remote, now);
    state = await createAccountKey(api, account.deviceId, []);
    if (state.state === 'open') await store.startReseal(now().toISOString(), true);
  }
  if (state.state !== 'open') return 'locked';
  if (!(await store.resealingPlaintext())) {
    return syncRound(store, keyedRemote(remote, api, state), now);
  }
  const plain = new Map<string, Kind>();
  try {
    return await syncRound(
      store,
      keyedRemote(remote, api, state, (r) => plain.set(r.id, r.kind)),
      now,
    );
  } finally {
    if (plain.size > 0) {
      const records = [...plain].map(([id, kind]) => ({ id, kind }));
      await store.queueAgain(records, now().toISOString());
    }
  }
}
