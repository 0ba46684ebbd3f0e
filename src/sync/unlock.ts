import { kekForBox, kekFromBox, openSealedBox } from '../crypto/box';
import { isCryptoProblem } from '../crypto/crypto-problem';
import { rewrapDataKey, unwrapDataKey } from '../crypto/data-key';
import type { LinkKeys } from '../crypto/link';
import { newRecoveryKey } from '../crypto/recovery-key';
import { keepDataKeys, readKeyring, type HeldKey } from '../storage/keyring-store';
import type { Copy } from './keys-api';
import {
  createdAtOf,
  deviceBox,
  kekOf,
  openState,
  registerSealed,
  sendCopies,
  UnlockProblem,
  wrapHeldKeysFor,
  type KeyState,
  type KeysApi,
  type Unlocker,
} from './keyring';

/**
 * The ways into an account's keys besides a device (ADR 0015): unlocking a device with the
 * recovery key or a passkey's PRF output, and adding or replacing those ways in.
 */

/**
 * Unlocks this device with the recovery key or a passkey's PRF output: opens that box, takes
 * every key wrapped for it, and wraps each for this device's own box so it stays unlocked.
 */
export async function unlockWith(
  api: KeysApi,
  deviceId: string,
  unlocker: Unlocker,
): Promise<KeyState> {
  const store = await api.fetchKeyStore();
  if (!store.currentKeyId) return { state: 'none' };
  const box = store.boxes.find((b) =>
    unlocker.kind === 'recovery'
      ? b.kind === 'recovery'
      : b.kind === 'prf' && b.credentialId === unlocker.credentialId,
  );
  if (!box?.sealed) {
    throw new UnlockProblem(
      unlocker.kind === 'recovery'
        ? 'This account has no recovery key yet. Unlock with your passkey, or from a device that is unlocked.'
        : 'This passkey cannot unlock your notes. Use your recovery key.',
    );
  }
  let opened: LinkKeys;
  try {
    opened = await openSealedBox(box.sealed, await kekOf(unlocker));
  } catch (err) {
    if (!isCryptoProblem(err)) throw err;
    throw new UnlockProblem(
      unlocker.kind === 'recovery'
        ? 'That recovery key does not unlock this account. Check it against the one you saved.'
        : 'This passkey does not unlock your notes. Use your recovery key.',
    );
  }
  const own = await deviceBox(api, deviceId);
  const held: HeldKey[] = [];
  const copies: { keyId: string; copy: Copy }[] = [];
  for (const copy of store.copies) {
    if (copy.boxId !== box.id) continue;
    const to = await kekForBox(own.keys.publicKey);
    const from = await kekFromBox(opened, copy.sender);
    const wrapped = await rewrapDataKey(copy.wrapped, from, to.kek, 'device');
    const dataKey = await unwrapDataKey(wrapped.text, to.kek);
    held.push({
      ...dataKey,
      copy: { wrapped: wrapped.text, sender: to.sender },
      createdAt: createdAtOf(store, copy.keyId),
    });
    copies.push({
      keyId: copy.keyId,
      copy: { boxId: own.boxId, sender: to.sender, wrapped: wrapped.text },
    });
  }
  if (!held.some((k) => k.id === store.currentKeyId)) {
    throw new UnlockProblem(
      'This way in has not been given the newest key. Unlock from a device that is unlocked.',
    );
  }
  await sendCopies(api, copies);
  await keepDataKeys(held, store.currentKeyId);
  return openState(await readKeyring());
}

/** Adds a way in for every key this device holds: a new recovery key, or a passkey with PRF. */
export async function addWayIn(api: KeysApi, unlocker: Unlocker): Promise<void> {
  const box = await registerSealed(api, unlocker);
  await sendCopies(api, await wrapHeldKeysFor(box, unlocker.kind));
}

/**
 * A new recovery key for the account, replacing any earlier one: returned to be shown once.
 * The old recovery key stops working.
 */
export async function replaceRecoveryKey(api: KeysApi): Promise<string> {
  const before = (await api.fetchKeyStore()).boxes.filter((b) => b.kind === 'recovery');
  const { bytes, text } = newRecoveryKey();
  await addWayIn(api, { kind: 'recovery', bytes });
  for (const old of before) await api.dropBox(old.id);
  return text;
}
