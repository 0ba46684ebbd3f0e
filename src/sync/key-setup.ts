import { newRecoveryKey, parseRecoveryKey } from '../crypto/recovery-key';
import { readKeyring } from '../storage/keyring-store';
import {
  createAccountKey,
  httpKeysApi,
  keyState,
  refreshKeys,
  UnlockProblem,
  type KeyState,
  type Unlocker,
} from './keyring';
import { addWayIn, replaceRecoveryKey, unlockWith } from './unlock';
import { evaluatePrf, type PrfResult } from './prf';

/**
 * End-to-end encryption as the screens use it (ADR 0015): keys made at sign-up, unlocking at
 * sign-in and later, and the recovery key.
 */

const prfUnlocker = (prf: PrfResult): Unlocker => ({ kind: 'prf', ...prf });

/**
 * After creating an account: its first data key, wrapped for this device, a new recovery key
 * and the passkey when it gives PRF. Answers the recovery key, to be shown once.
 */
export async function keysAtSignUp(deviceId: string, prf: PrfResult | null): Promise<string> {
  const recovery = newRecoveryKey();
  const ways: Unlocker[] = [{ kind: 'recovery', bytes: recovery.bytes }];
  if (prf) ways.push(prfUnlocker(prf));
  await createAccountKey(httpKeysApi, deviceId, ways);
  return recovery.text;
}

/**
 * After signing in with a passkey: unlocks with its PRF output if it has one and the account
 * has a box for it. A passkey with PRF that has no box yet gets one once the device is open.
 */
export async function keysAtSignIn(deviceId: string, prf: PrfResult | null): Promise<KeyState> {
  const state = await keyState(httpKeysApi);
  if (state.state !== 'locked' || !prf) return state;
  try {
    return await unlockWith(httpKeysApi, deviceId, prfUnlocker(prf));
  } catch (err) {
    if (err instanceof UnlockProblem) return { state: 'locked' };
    throw err;
  }
}

/** Unlocks this device with the recovery key as typed; throws a problem to show if it cannot. */
export async function unlockWithRecoveryKey(deviceId: string, typed: string): Promise<KeyState> {
  return unlockWith(httpKeysApi, deviceId, { kind: 'recovery', bytes: parseRecoveryKey(typed) });
}

/** Unlocks this device with one of the account's passkeys that has PRF. */
export async function unlockWithPasskey(deviceId: string): Promise<KeyState> {
  const store = await httpKeysApi.fetchKeyStore();
  const ids = store.boxes.flatMap((b) =>
    b.kind === 'prf' && b.credentialId ? [b.credentialId] : [],
  );
  if (ids.length === 0) {
    throw new UnlockProblem(
      'None of your passkeys can unlock your notes on this device. Use your recovery key.',
    );
  }
  const prf = await evaluatePrf(ids);
  if (!prf)
    throw new UnlockProblem('This passkey cannot unlock your notes. Use your recovery key.');
  return unlockWith(httpKeysApi, deviceId, prfUnlocker(prf));
}

/** A new recovery key, replacing the old one: answered to be shown once. */
export const newRecoveryKeyForAccount = (): Promise<string> => replaceRecoveryKey(httpKeysApi);

/** Adds this passkey as a way in, when it gives PRF and the device is unlocked. */
export async function addPasskeyWayIn(prf: PrfResult): Promise<void> {
  const store = await httpKeysApi.fetchKeyStore();
  if (store.boxes.some((b) => b.kind === 'prf' && b.credentialId === prf.credentialId)) return;
  if (!(await readKeyring()).current) return;
  await addWayIn(httpKeysApi, prfUnlocker(prf));
}

/** What the encryption settings show: whether this device is unlocked and the account has a recovery key. */
export async function encryptionStatus(): Promise<{ state: KeyState['state']; recovery: boolean }> {
  const store = await httpKeysApi.fetchKeyStore();
  const state = (await readKeyring()).current
    ? 'open'
    : (await refreshKeys(httpKeysApi, store)).state;
  return { state, recovery: store.boxes.some((b) => b.kind === 'recovery') };
}
