import { concat, framed, fromBase64Url, randomBytes, toBase64Url, type Bytes } from './bytes';
import { CryptoProblem } from './crypto-problem';
import { linkKek, newLinkKeys, type LinkKeys } from './link';

/**
 * Boxes: long-lived ECDH P-256 key pairs that copies of the data key are wrapped for, so that
 * any device holding the data key can wrap a new one (after a rotation) for every way in without
 * the writer being there: a copy is wrapped with a KEK from ECDH between a fresh sender key and
 * the box's public key (`kekForBox`), and only the box's private key derives it again
 * (`kekFromBox`). The same derivation as a link (link.ts), the sender key playing the old device.
 *
 * - A device box's private key stays on its device, non-extractable (from `newLinkKeys`).
 * - A passkey's box and the recovery box keep their private key sealed here: wrapped (PKCS #8,
 *   AES-GCM) with the KEK from the passkey's PRF output or from the recovery key (keks.ts). It is
 *   extractable only inside `newSealedBox`, to be wrapped, and opens as non-extractable.
 *
 * A sealed box is `wnb.` and base64url of [version 1][kind][public key, 65 bytes][IV, 12 bytes]
 * [wrapped private key and tag], the header being the associated data.
 */

export type SealedBoxKind = 'prf' | 'recovery';

const PREFIX = 'wnb.';
const VERSION = 1;
const KINDS: readonly SealedBoxKind[] = ['prf', 'recovery'];
const PUBLIC_KEY_BYTES = 65;
const HEADER_BYTES = 2 + PUBLIC_KEY_BYTES;
const IV_BYTES = 12;
const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;

const boxAad = (header: Uint8Array): Bytes => framed('weeknotes/box', header);

/** A KEK to wrap a copy of the data key for the box with this public key, and the sender key to send with the copy. */
export async function kekForBox(boxPublicKey: string): Promise<{ kek: CryptoKey; sender: string }> {
  const sender = await newLinkKeys();
  return { kek: await linkKek(sender, boxPublicKey, 'old'), sender: sender.publicKey };
}

/** The KEK a copy wrapped for this box was wrapped with, from the sender key sent with it. */
export function kekFromBox(box: LinkKeys, sender: string): Promise<CryptoKey> {
  return linkKek(box, sender, 'new');
}

/** A new box whose private key is sealed with `kek` (a passkey's PRF KEK or the recovery KEK). */
export async function newSealedBox(
  kek: CryptoKey,
  kind: SealedBoxKind,
): Promise<{ publicKey: string; sealed: string }> {
  const pair = await crypto.subtle.generateKey(ECDH, true, ['deriveBits']);
  const publicBytes = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const header = concat(Uint8Array.of(VERSION, KINDS.indexOf(kind)), publicBytes);
  const iv = randomBytes(IV_BYTES);
  const wrapped = await crypto.subtle.wrapKey('pkcs8', pair.privateKey, kek, {
    name: 'AES-GCM',
    iv,
    additionalData: boxAad(header),
  });
  return {
    publicKey: toBase64Url(publicBytes),
    sealed: PREFIX + toBase64Url(concat(header, iv, new Uint8Array(wrapped))),
  };
}

/** Opens a sealed box with its KEK: the box, its private key non-extractable. */
export async function openSealedBox(sealed: string, kek: CryptoKey): Promise<LinkKeys> {
  if (!sealed.startsWith(PREFIX))
    throw new CryptoProblem('not-sealed', 'This is not a sealed box.');
  const bytes = fromBase64Url(sealed.slice(PREFIX.length));
  if (bytes?.[0] !== undefined && bytes[0] !== VERSION) {
    throw new CryptoProblem('unknown-version', 'This sealed box is in a newer format.');
  }
  if (!bytes || KINDS[bytes[1] ?? -1] === undefined || bytes.length <= HEADER_BYTES + IV_BYTES) {
    throw new CryptoProblem('damaged', 'This sealed box is damaged.');
  }
  const header = bytes.slice(0, HEADER_BYTES);
  const publicBytes = bytes.slice(2, HEADER_BYTES);
  let privateKey: CryptoKey;
  let publicKey: CryptoKey;
  try {
    privateKey = await crypto.subtle.unwrapKey(
      'pkcs8',
      bytes.slice(HEADER_BYTES + IV_BYTES),
      kek,
      {
        name: 'AES-GCM',
        iv: bytes.slice(HEADER_BYTES, HEADER_BYTES + IV_BYTES),
        additionalData: boxAad(header),
      },
      ECDH,
      false,
      ['deriveBits'],
    );
    publicKey = await crypto.subtle.importKey('raw', publicBytes, ECDH, true, []);
  } catch {
    throw new CryptoProblem('refused', 'This key does not open the sealed box.');
  }
  return { pair: { privateKey, publicKey }, publicKey: toBase64Url(publicBytes) };
}
