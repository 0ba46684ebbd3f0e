import { framed, utf8, type Bytes } from './bytes';

/**
 * Key-encryption keys (KEKs): each wraps a copy of the data key. All are AES-GCM, 256 bits,
 * non-extractable and able only to wrap and unwrap, derived with HKDF-SHA-256 from secret
 * input that already has full strength (a PRF output, the recovery key, an ECDH secret), so no
 * slow password hashing is needed here.
 */

const KEK = { name: 'AES-GCM', length: 256 } as const;

/**
 * What the app asks a passkey's PRF extension to evaluate (`prf: { eval: { first } }`). The same
 * credential always answers the same 32 bytes for it, and a different credential different ones.
 */
export const PRF_INPUT: Bytes = utf8('weeknotes/prf/data-key/v1');

/** A KEK derived with HKDF-SHA-256 from `secret`, bound to a purpose by `info`. */
export async function hkdfKek(secret: BufferSource, salt: Bytes, info: Bytes): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', secret, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt, info }, base, KEK, false, [
    'wrapKey',
    'unwrapKey',
  ]);
}

/** The KEK from a passkey's PRF output (the `first` result for PRF_INPUT, 32 bytes). */
export async function kekFromPrf(prfOutput: BufferSource): Promise<CryptoKey> {
  if (prfOutput.byteLength < 32) throw new TypeError('A PRF output has 32 bytes.');
  return hkdfKek(prfOutput, new Uint8Array(32), framed('weeknotes/kek', 'prf', 'v1'));
}

/** The KEK from the recovery key's 32 bytes (see recovery-key.ts). */
export async function kekFromRecoveryKey(recoveryKey: Bytes): Promise<CryptoKey> {
  if (recoveryKey.length !== 32) throw new TypeError('A recovery key has 32 bytes.');
  return hkdfKek(recoveryKey, new Uint8Array(32), framed('weeknotes/kek', 'recovery', 'v1'));
}
