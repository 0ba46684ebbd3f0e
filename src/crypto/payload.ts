import { concat, framed, fromBase64Url, fromUtf8, randomBytes, toBase64Url, utf8 } from './bytes';
import { CryptoProblem } from './crypto-problem';
import { keyIdBytes, keyIdText, type DataKey } from './data-key';

/**
 * A synced record's payload, sealed with the account's data key: `wnp.` and base64url of
 * [format version 1][key id, 8 bytes][IV, 12 bytes][AES-GCM ciphertext and 16-byte tag].
 * The IV is fresh and random for every payload (2^-32 collision odds only after 2^32 payloads
 * under one key, far beyond one writer's lifetime of edits). The format version, key id, record
 * kind and record id are the associated data, so a payload moved to another record or kind,
 * or a changed byte anywhere, is refused.
 */

/** The plaintext envelope fields a payload is bound to. */
export interface PayloadAddress {
  readonly id: string;
  readonly kind: string;
}

const PREFIX = 'wnp.';
const VERSION = 1;
const HEADER_BYTES = 1 + 8;
const IV_BYTES = 12;
const TAG_BYTES = 16;

const payloadAad = (header: Uint8Array, at: PayloadAddress): Uint8Array<ArrayBuffer> =>
  framed('weeknotes/payload', header, at.kind, at.id);

/** Whether a payload string is sealed (as opposed to plaintext from before encryption). */
export const isSealedPayload = (payload: string): boolean => payload.startsWith(PREFIX);

/** The id of the key a sealed payload says it was sealed with (its shape is checked, not its seal). */
export function payloadKeyId(payload: string): string {
  return readPayload(payload).keyId;
}

function readPayload(payload: string) {
  if (!isSealedPayload(payload)) {
    throw new CryptoProblem('not-sealed', 'This payload is not encrypted.');
  }
  const bytes = fromBase64Url(payload.slice(PREFIX.length));
  if (!bytes || bytes.length < 1) throw new CryptoProblem('damaged', 'This payload is damaged.');
  if (bytes[0] !== VERSION) {
    throw new CryptoProblem('unknown-version', 'This payload is in a newer format.');
  }
  if (bytes.length < HEADER_BYTES + IV_BYTES + TAG_BYTES) {
    throw new CryptoProblem('damaged', 'This payload is damaged.');
  }
  return {
    keyId: keyIdText(bytes.subarray(1, HEADER_BYTES)),
    header: bytes.slice(0, HEADER_BYTES),
    iv: bytes.slice(HEADER_BYTES, HEADER_BYTES + IV_BYTES),
    data: bytes.slice(HEADER_BYTES + IV_BYTES),
  };
}

/** Seals a record's plaintext (its JSON) for the record at `at`. */
export async function sealPayload(
  dataKey: DataKey,
  at: PayloadAddress,
  plaintext: string,
): Promise<string> {
  const header = concat(Uint8Array.of(VERSION), keyIdBytes(dataKey.id));
  const iv = randomBytes(IV_BYTES);
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: payloadAad(header, at) },
    dataKey.key,
    utf8(plaintext),
  );
  return PREFIX + toBase64Url(concat(header, iv, new Uint8Array(sealed)));
}

/**
 * Opens a sealed payload for the record at `at` with whichever of `keys` sealed it (the current
 * data key and any kept from before a rotation). Throws a CryptoProblem, never returns garbage.
 */
export async function openPayload(
  keys: DataKey | readonly DataKey[],
  at: PayloadAddress,
  payload: string,
): Promise<string> {
  const { keyId, header, iv, data } = readPayload(payload);
  const held: readonly DataKey[] = 'key' in keys ? [keys] : keys;
  const key = held.find((k) => k.id === keyId);
  if (!key) {
    throw new CryptoProblem(
      'unknown-key',
      `This payload was sealed with a key this device does not hold (${keyId}).`,
    );
  }
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv, additionalData: payloadAad(header, at) },
      key.key,
      data,
    );
  } catch {
    throw new CryptoProblem(
      'refused',
      `The payload of ${at.kind} ${at.id} does not open: it was changed, moved from another record, or sealed with another key.`,
    );
  }
  try {
    return fromUtf8(plain);
  } catch {
    throw new CryptoProblem('damaged', 'This payload opened but is not text.');
  }
}
