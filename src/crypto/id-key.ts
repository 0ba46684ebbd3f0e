import { utf8 } from './bytes';
import type { DataKey } from './data-key';

/**
 * Keyed ids (ADR 0015): a record id made from the writer's words (a commitment's item) must not
 * let the server test guesses, so it is an HMAC under a key only the writer's devices can make.
 * The key comes from the account's first data key, so every device derives the same ids: the
 * data key (non-extractable) encrypts 32 zero bytes under a fixed IV and its own associated
 * data, a pseudorandom function of the key that nothing else uses (payload IVs are random, and
 * the chance one is all zero is 2^-96). The result becomes a non-extractable HMAC-SHA-256 key.
 */
export async function idKeyFrom(dataKey: DataKey): Promise<CryptoKey> {
  const out = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: new Uint8Array(12), additionalData: utf8('weeknotes/id-key/v1') },
    dataKey.key,
    new Uint8Array(32),
  );
  return crypto.subtle.importKey(
    'raw',
    new Uint8Array(out).slice(0, 32),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
}

/** The first 64 bits of HMAC-SHA-256(text) under an id key, as 16 hex digits. */
export async function keyedDigest(idKey: CryptoKey, text: string): Promise<string> {
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', idKey, utf8(text)));
  return Array.from(mac.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
}
