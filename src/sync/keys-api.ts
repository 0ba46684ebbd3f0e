import { keyStoreSchema, type KeyStore, type NewBox } from '../crypto/key-store-protocol';
import { z } from '../validation/zod';
import { requestJson } from './remote';

/** The server's key store (ADR 0015): everything in it is opaque to the server. */

/** One copy of a data key wrapped for a box. */
export interface Copy {
  boxId: string;
  sender: string;
  wrapped: string;
}

/** The account's keys, boxes and copies. */
export const fetchKeyStore = (): Promise<KeyStore> => requestJson('/api/keys', keyStoreSchema);

/** Registers a box; answers its id. */
export async function registerBox(box: NewBox): Promise<string> {
  const { id } = await requestJson('/api/keys/boxes', z.object({ id: z.string() }), {
    method: 'POST',
    body: box,
  });
  return id;
}

/** Drops a box and every copy wrapped for it. */
export async function dropBox(id: string): Promise<void> {
  await requestJson(`/api/keys/boxes/${encodeURIComponent(id)}`, z.object({}).loose(), {
    method: 'DELETE',
    body: {},
  });
}

/** Stores a new data key by compare and set: refused (409) unless `replaces` is the current key. */
export async function storeDataKey(
  keyId: string,
  replaces: string | null,
  copies: Copy[],
): Promise<void> {
  await requestJson('/api/keys/data-keys', z.object({ keyId: z.string() }), {
    method: 'POST',
    body: { keyId, replaces, copies },
  });
}

/** Adds copies of an existing data key for more boxes. */
export async function addCopies(keyId: string, copies: Copy[]): Promise<void> {
  await requestJson('/api/keys/copies', z.object({ added: z.number() }), {
    method: 'POST',
    body: { keyId, copies },
  });
}
