import { concat, framed, fromBase64Url, randomBytes, toBase64Url, type Bytes } from './bytes';
import { CryptoProblem } from './crypto-problem';

/**
 * The account's data key: AES-GCM, 256 bits, made on a device and never stored or sent in clear.
 * Outside `createDataKey` and `rewrapDataKey` it exists only as a non-extractable CryptoKey, so
 * no script can read its bytes; those two functions hold an extractable copy for the moment
 * they wrap it (Web Crypto's wrapKey needs one) and never hand it out.
 */
export interface DataKey {
  /** 16 hex digits, random: tells a key made after a rotation from the one before. */
  readonly id: string;
  readonly key: CryptoKey;
}

/**
 * What a copy of the data key is wrapped with: a key derived from a passkey's PRF output, the
 * recovery key, or a key agreed with a new device during linking (ECDH).
 */
export type WrapKind = 'prf' | 'recovery' | 'device';

/** A wrapped copy of the data key, safe to store or send: `text` opens only with its KEK. */
export interface WrappedKey {
  readonly keyId: string;
  readonly kind: WrapKind;
  readonly text: string;
}

const PREFIX = 'wnk.';
const VERSION = 1;
const KINDS: readonly WrapKind[] = ['prf', 'recovery', 'device'];
const ID_BYTES = 8;
const IV_BYTES = 12;
/** 32 bytes of key and GCM's 16-byte tag. */
const WRAPPED_BYTES = 48;
const HEADER_BYTES = 2 + ID_BYTES;

const DATA_KEY = { name: 'AES-GCM', length: 256 } as const;
const USAGES: KeyUsage[] = ['encrypt', 'decrypt'];

/** A key id as text (hex). */
export const keyIdText = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** The bytes of a key id, or a CryptoProblem if it is not 16 hex digits. */
export function keyIdBytes(id: string): Bytes {
  if (!/^[0-9a-f]{16}$/.test(id)) throw new CryptoProblem('damaged', 'A key id is malformed.');
  return Uint8Array.from(id.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}

/** The associated data that binds a wrapped key to its format, kind and id. */
const wrapAad = (header: Uint8Array): Bytes => framed('weeknotes/wrapped-key', header);

async function wrap(
  extractable: CryptoKey,
  keyId: string,
  kek: CryptoKey,
  kind: WrapKind,
): Promise<WrappedKey> {
  const header = concat(Uint8Array.of(VERSION, KINDS.indexOf(kind)), keyIdBytes(keyId));
  const iv = randomBytes(IV_BYTES);
  const wrapped = await crypto.subtle.wrapKey('raw', extractable, kek, {
    name: 'AES-GCM',
    iv,
    additionalData: wrapAad(header),
  });
  const text = PREFIX + toBase64Url(concat(header, iv, new Uint8Array(wrapped)));
  return { keyId, kind, text };
}

/** What a wrapped key's text says about itself, checked for shape only (nothing is opened). */
export function readWrappedKey(
  text: string,
): WrappedKey & { header: Bytes; iv: Bytes; data: Bytes } {
  if (!text.startsWith(PREFIX)) throw new CryptoProblem('not-sealed', 'This is not a wrapped key.');
  const bytes = fromBase64Url(text.slice(PREFIX.length));
  if (!bytes || bytes.length < 1)
    throw new CryptoProblem('damaged', 'This wrapped key is damaged.');
  if (bytes[0] !== VERSION) {
    throw new CryptoProblem('unknown-version', 'This wrapped key is in a newer format.');
  }
  const kind = KINDS[bytes[1] ?? -1];
  if (!kind || bytes.length !== HEADER_BYTES + IV_BYTES + WRAPPED_BYTES) {
    throw new CryptoProblem('damaged', 'This wrapped key is damaged.');
  }
  return {
    keyId: keyIdText(bytes.subarray(2, HEADER_BYTES)),
    kind,
    text,
    header: bytes.slice(0, HEADER_BYTES),
    iv: bytes.slice(HEADER_BYTES, HEADER_BYTES + IV_BYTES),
    data: bytes.slice(HEADER_BYTES + IV_BYTES),
  };
}

async function unwrap(text: string, kek: CryptoKey, extractable: boolean): Promise<DataKey> {
  const { keyId, header, iv, data } = readWrappedKey(text);
  try {
    const key = await crypto.subtle.unwrapKey(
      'raw',
      data,
      kek,
      { name: 'AES-GCM', iv, additionalData: wrapAad(header) },
      DATA_KEY,
      extractable,
      USAGES,
    );
    return { id: keyId, key };
  } catch {
    throw new CryptoProblem('refused', 'This key does not open the wrapped data key.');
  }
}

/**
 * Makes a new data key (at sign-up, or after a device is revoked) and wraps it with every KEK
 * given. Returns the key for use on this device, non-extractable, and the wrapped copies.
 */
export async function createDataKey(
  keks: readonly { kek: CryptoKey; kind: WrapKind }[],
): Promise<{ dataKey: DataKey; wrapped: WrappedKey[] }> {
  const first = keks[0];
  if (!first) throw new TypeError('A data key needs at least one key to wrap it.');
  const id = keyIdText(randomBytes(ID_BYTES));
  const extractable = await crypto.subtle.generateKey(DATA_KEY, true, USAGES);
  const wrapped: WrappedKey[] = [];
  for (const { kek, kind } of keks) wrapped.push(await wrap(extractable, id, kek, kind));
  // The copy kept for use is unwrapped again as non-extractable; `extractable` is dropped here.
  return { dataKey: await unwrap(wrapped[0]!.text, first.kek, false), wrapped };
}

/** Opens a wrapped data key with its KEK, as a non-extractable key for sealing and opening. */
export function unwrapDataKey(text: string, kek: CryptoKey): Promise<DataKey> {
  return unwrap(text, kek, false);
}

/**
 * Wraps the data key in `text` (opened with `fromKek`) for another KEK: a new device's, a new
 * passkey's or a new recovery key. The extractable copy lives only inside this call.
 */
export async function rewrapDataKey(
  text: string,
  fromKek: CryptoKey,
  toKek: CryptoKey,
  toKind: WrapKind,
): Promise<WrappedKey> {
  const opened = await unwrap(text, fromKek, true);
  return wrap(opened.key, opened.id, toKek, toKind);
}
