import { framed, fromBase64Url, sameBytes, toBase64Url, type Bytes } from './bytes';
import { CryptoProblem } from './crypto-problem';
import { hkdfKek } from './keks';

/**
 * Handing the data key to a new device during linking, through our server, without the server
 * being able to read it or, unnoticed, to swap in a key of its own.
 *
 * 1. The new device makes an ECDH P-256 key pair and sends only a commitment: the SHA-256 of
 *    its public key.
 * 2. The old device, having received the commitment, sends its own (ephemeral) public key.
 * 3. The new device sends its public key; the old device checks it against the commitment.
 * 4. Both show the same six-digit safety number, made from both public keys. The writer checks
 *    they match and confirms on the old device, which only then wraps the data key with the KEK
 *    both sides derive (ECDH, then HKDF bound to both public keys) and sends the wrapped key.
 *
 * A relay that substitutes keys has to fix its key towards the new device (by commitment)
 * before it learns the old device's, so its two safety numbers match by chance only, one in a
 * million. Without step 4 a relay could wrap the key for itself; the ADR (0015) records why a
 * longer typed code was not chosen instead.
 */

const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;
/** An uncompressed P-256 point: 0x04, then x and y. */
const PUBLIC_KEY_BYTES = 65;

/** One side's key pair for a link, with its public key as base64url text to send. */
export interface LinkKeys {
  readonly pair: CryptoKeyPair;
  readonly publicKey: string;
}

/** A fresh ECDH key pair for one link; the private half cannot be exported. */
export async function newLinkKeys(): Promise<LinkKeys> {
  const pair = await crypto.subtle.generateKey(ECDH, false, ['deriveBits']);
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  return { pair, publicKey: toBase64Url(raw) };
}

function publicKeyBytes(text: string): Bytes {
  const bytes = fromBase64Url(text);
  if (!bytes || bytes.length !== PUBLIC_KEY_BYTES || bytes[0] !== 4) {
    throw new CryptoProblem('damaged', 'The other device’s public key is malformed.');
  }
  return bytes;
}

/** A public key's bytes and CryptoKey, or a CryptoProblem if it is not a P-256 point. */
async function importPublicKey(text: string): Promise<{ bytes: Bytes; key: CryptoKey }> {
  const bytes = publicKeyBytes(text);
  try {
    return { bytes, key: await crypto.subtle.importKey('raw', bytes, ECDH, true, []) };
  } catch {
    // Web Crypto refuses points that are not on the curve.
    throw new CryptoProblem('damaged', 'The other device’s public key is not a P-256 point.');
  }
}

const sha256 = async (bytes: Bytes): Promise<Bytes> =>
  new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));

/** What the new device sends first: SHA-256 of its public key, base64url. */
export async function linkCommitment(publicKey: string): Promise<string> {
  return toBase64Url(await sha256((await importPublicKey(publicKey)).bytes));
}

/** Whether the new device's public key is the one it committed to. */
export async function keepsCommitment(publicKey: string, commitment: string): Promise<boolean> {
  const expected = fromBase64Url(commitment);
  const { bytes } = await importPublicKey(publicKey);
  return expected !== null && sameBytes(await sha256(bytes), expected);
}

/** The six digits both devices show, as "482 913", from the old and new devices' public keys. */
export async function safetyNumber(oldPublicKey: string, newPublicKey: string): Promise<string> {
  const hash = await sha256(
    framed(
      'weeknotes/link/safety-number/v1',
      (await importPublicKey(oldPublicKey)).bytes,
      (await importPublicKey(newPublicKey)).bytes,
    ),
  );
  // 40 bits reduced to six digits: the bias is below one in 10^6.
  const value = hash.subarray(0, 5).reduce((n, byte) => n * 256 + byte, 0) % 1_000_000;
  const digits = String(value).padStart(6, '0');
  return `${digits.slice(0, 3)} ${digits.slice(3)}`;
}

/**
 * The KEK both devices derive for this link: ECDH between one side's private key and the other
 * side's public key, then HKDF-SHA-256 bound to both public keys (old first).
 */
export async function linkKek(
  own: LinkKeys,
  theirPublicKey: string,
  role: 'old' | 'new',
): Promise<CryptoKey> {
  const theirs = await importPublicKey(theirPublicKey);
  const shared = await crypto.subtle.deriveBits(
    { name: 'ECDH', public: theirs.key },
    own.pair.privateKey,
    256,
  );
  const [oldKey, newKey] =
    role === 'old' ? [own.publicKey, theirPublicKey] : [theirPublicKey, own.publicKey];
  return hkdfKek(
    shared,
    new Uint8Array(32),
    framed('weeknotes/kek', 'link', 'v1', publicKeyBytes(oldKey), publicKeyBytes(newKey)),
  );
}
