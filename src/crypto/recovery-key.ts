import { concat, randomBytes, type Bytes } from './bytes';
import { crockfordValue, fromCrockford, toCrockford } from './crockford';

/**
 * The recovery key: 256 random bits, shown to the writer once to keep, which unlock the data
 * key on a device whose passkey has no PRF. Written as 56 Crockford base32 symbols in 14 groups
 * of four: the 32 key bytes and a 3-byte CRC-24 (RFC 4880's). A CRC-24 catches every error
 * within 24 consecutive bits, so every single mistyped symbol (5 bits) and every swap of two
 * neighbours (10 bits) is caught before any key is tried.
 */

const KEY_BYTES = 32;
const SYMBOLS = 56;
const GROUP = 4;

/** Why typed text is not a recovery key. */
export type RecoveryKeyReason = 'symbol' | 'length' | 'checksum';

/** Typed text that is not a recovery key, with a message the writer can act on. */
export class RecoveryKeyProblem extends Error {
  override name = 'RecoveryKeyProblem';

  constructor(
    readonly reason: RecoveryKeyReason,
    message: string,
  ) {
    super(message);
  }
}

/** OpenPGP's CRC-24 of some bytes, as 3 bytes. */
export function crc24(bytes: Uint8Array): Bytes {
  let crc = 0xb704ce;
  for (const byte of bytes) {
    crc ^= byte << 16;
    for (let i = 0; i < 8; i++) {
      crc <<= 1;
      if (crc & 0x1000000) crc ^= 0x1864cfb;
    }
  }
  return Uint8Array.of((crc >> 16) & 0xff, (crc >> 8) & 0xff, crc & 0xff);
}

/** The recovery key's bytes as the writer sees them: "7KQ2-M9XD-…", 14 groups of four. */
export function formatRecoveryKey(key: Uint8Array): string {
  if (key.length !== KEY_BYTES) throw new TypeError('A recovery key has 32 bytes.');
  const symbols = toCrockford(concat(key, crc24(key)));
  return (symbols.match(new RegExp(`.{${GROUP}}`, 'g')) ?? []).join('-');
}

/** A new recovery key: its bytes (for the KEK) and its text (to show once). */
export function newRecoveryKey(): { bytes: Bytes; text: string } {
  const bytes = randomBytes(KEY_BYTES);
  return { bytes, text: formatRecoveryKey(bytes) };
}

/**
 * The 32 bytes of a recovery key as typed: spaces, dashes and case do not matter, and O, I and
 * L are read as 0, 1 and 1. Throws a RecoveryKeyProblem saying what is wrong.
 */
export function parseRecoveryKey(typed: string): Bytes {
  const symbols = typed.replace(/[\s\-\u2010-\u2015_.]/g, '');
  const stray = [...symbols].find((c) => crockfordValue(c) < 0);
  if (stray !== undefined) {
    throw new RecoveryKeyProblem(
      'symbol',
      `“${stray}” is not used in recovery keys, which have only the digits and the letters A to Z without U. Check what you typed.`,
    );
  }
  if (symbols.length !== SYMBOLS) {
    throw new RecoveryKeyProblem(
      'length',
      `A recovery key has ${SYMBOLS} letters and digits; this has ${symbols.length}.`,
    );
  }
  const bytes = fromCrockford(symbols, KEY_BYTES + 3);
  const key = bytes?.slice(0, KEY_BYTES);
  const check = bytes?.slice(KEY_BYTES);
  // The last symbol's bits all belong to the check (280 bits = 56 × 5), so none are spare.
  if (!key || !check || crc24(key).some((b, i) => b !== check[i])) {
    throw new RecoveryKeyProblem(
      'checksum',
      'This recovery key has a mistyped character. Check it against the one you saved.',
    );
  }
  return key;
}
