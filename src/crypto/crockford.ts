/**
 * Crockford's base32 (https://www.crockford.com/base32.html): digits and upper-case letters
 * without I, L, O and U, read back case-insensitively with O as 0 and I or L as 1, so what a
 * person copies by hand survives the usual slips.
 */

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Bytes as Crockford base32, most significant bit first; a length whose bits are not a
 * multiple of 5 is padded with zero bits. */
export function toCrockford(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(buffer >> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/** The value of one typed character, or -1 if Crockford's base32 has no such symbol. */
export function crockfordValue(char: string): number {
  const c = char.toUpperCase();
  if (c === 'O') return 0;
  if (c === 'I' || c === 'L') return 1;
  return ALPHABET.indexOf(c);
}

/**
 * The `length` bytes spelled by Crockford symbols (already stripped of separators), or null if
 * a symbol is not one. Bits beyond `length` bytes are ignored.
 */
export function fromCrockford(symbols: string, length: number): Uint8Array<ArrayBuffer> | null {
  const out = new Uint8Array(length);
  let buffer = 0;
  let bits = 0;
  let at = 0;
  for (const char of symbols) {
    const value = crockfordValue(char);
    if (value < 0) return null;
    buffer = ((buffer << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8 && at < length) {
      bits -= 8;
      out[at++] = (buffer >> bits) & 0xff;
    }
  }
  return at === length ? out : null;
}
