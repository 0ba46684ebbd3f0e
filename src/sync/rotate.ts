import { keepDataKeys, readKeyring } from '../storage/keyring-store';
import type { KeysApi } from './keyring';
import { newKeyFor, refreshKeys } from './keyring';
import { SyncError } from './remote';

/**
 * Rotation after a device is revoked (ADR 0015): a new data key, wrapped for every box that
 * holds the current key except the revoked device's (the server has dropped that box and its
 * copies in the revoke's transaction; it is skipped here too in case it has not), stored by
 * compare and set. Only public keys are needed, so the writer's other passkeys and recovery key
 * need not be at hand. This device seals with the new key from now on; the caller then re-seals
 * every record (`startReseal`), and other devices take the new key when they first meet it.
 *
 * Answers the new key's id, or null when another device rotated first (its key is taken).
 */
export async function rotateDataKey(api: KeysApi, revokedDeviceId: string): Promise<string | null> {
  const ring = await readKeyring();
  const ownBox = ring.box?.boxId;
  if (!ring.current || !ownBox) return null;
  const store = await api.fetchKeyStore();
  if (store.currentKeyId !== ring.current.id) {
    await refreshKeys(api, store);
    return null;
  }
  const holders = store.boxes.filter(
    (b) =>
      b.deviceId !== revokedDeviceId &&
      store.copies.some((c) => c.boxId === b.id && c.keyId === store.currentKeyId),
  );
  // This device's own box first: createDataKey hands back the key opened with the first KEK.
  holders.sort((a, b) => Number(b.id === ownBox) - Number(a.id === ownBox));
  if (holders[0]?.id !== ownBox) return null;
  const { dataKey, copies } = await newKeyFor(holders);
  try {
    await api.storeDataKey(dataKey.id, store.currentKeyId, copies);
  } catch (err) {
    if (!(err instanceof SyncError && err.status === 409)) throw err;
    await refreshKeys(api);
    return null;
  }
  await keepDataKeys(
    [
      {
        ...dataKey,
        copy: { wrapped: copies[0]!.wrapped, sender: copies[0]!.sender },
        createdAt: new Date().toISOString(),
      },
    ],
    dataKey.id,
  );
  return dataKey.id;
}
