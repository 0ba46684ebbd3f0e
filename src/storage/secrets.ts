import type { WeeknotesDb } from './db';
import { read, write } from './errors';

/**
 * Credentials for the writer's blogs, kept on this device only, sealed with AES-GCM under a key
 * the browser made and will not export. The key sits beside them in IndexedDB, so this does not
 * hide a credential from code running in the app; it keeps it out of anything that copies the
 * stored rows (a backup, a sync payload, a debugging dump), where only ciphertext would travel.
 */

async function deviceKey(db: WeeknotesDb): Promise<CryptoKey> {
  const found = await db.deviceKeys.get('secrets');
  if (found) return found.key;
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  // Two tabs making a key at once: the first one stored wins, and both use it.
  await db.transaction('rw', db.deviceKeys, async () => {
    if (!(await db.deviceKeys.get('secrets'))) await db.deviceKeys.add({ id: 'secrets', key });
  });
  return (await db.deviceKeys.get('secrets'))!.key;
}

const aad = (id: string): Uint8Array<ArrayBuffer> =>
  new TextEncoder().encode(`weeknotes-secret:${id}`);

/** Seals and keeps the credential for `id` (a destination), replacing any earlier one. */
export function keepSecret(id: string, secret: string): Promise<void> {
  return write(async (db) => {
    const key = await deviceKey(db);
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const data = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: aad(id) },
      key,
      new TextEncoder().encode(secret),
    );
    await db.secrets.put({ id, iv, data });
  });
}

/** The credential kept for `id`, or null if there is none (or it can no longer be opened). */
export function secretFor(id: string): Promise<string | null> {
  return read(async (db) => {
    const sealed = await db.secrets.get(id);
    if (!sealed) return null;
    const key = await deviceKey(db);
    try {
      const plain = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: sealed.iv, additionalData: aad(id) },
        key,
        sealed.data,
      );
      return new TextDecoder().decode(plain);
    } catch {
      return null;
    }
  });
}
