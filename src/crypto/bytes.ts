/** Byte helpers for the crypto module: encodings and joining, with no other dependency. */

/** Bytes as Web Crypto accepts them (an ArrayBuffer-backed view). */
export type Bytes = Uint8Array<ArrayBuffer>;

const encoder = new TextEncoder();
// fatal: a sealed payload that decrypts to bytes that are not UTF-8 is refused, not mangled.
const decoder = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 bytes of a string. */
export const utf8 = (text: string): Bytes => encoder.encode(text);

/** The string UTF-8 bytes spell; throws on bytes that are not UTF-8. */
export const fromUtf8 = (bytes: BufferSource): string => decoder.decode(bytes);

/** Random bytes from the platform's generator. */
export const randomBytes = (length: number): Bytes =>
  crypto.getRandomValues(new Uint8Array(length));

/** Several byte arrays one after another. */
export function concat(...parts: Uint8Array[]): Bytes {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * Strings joined so that no two different lists give the same bytes: each is preceded by its
 * length (4 bytes, big-endian). Used for associated data and key-derivation context.
 */
export function framed(...parts: (string | Uint8Array)[]): Bytes {
  return concat(
    ...parts.flatMap((part) => {
      const bytes = typeof part === 'string' ? utf8(part) : part;
      const length = new Uint8Array(4);
      new DataView(length.buffer).setUint32(0, bytes.length);
      return [length, bytes];
    }),
  );
}

/** The platform's own base64 (Chromium 140+, Firefox 133+, Safari 18.2+), where there is one. */
interface NativeBase64 {
  toBase64?: (this: Uint8Array, options: object) => string;
}
const nativeTo = (Uint8Array.prototype as NativeBase64).toBase64;
const nativeFrom = (Uint8Array as unknown as { fromBase64?: (s: string, o: object) => Uint8Array })
  .fromBase64;
const BASE64URL = { alphabet: 'base64url', omitPadding: true } as const;

/** Bytes as base64url without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  if (nativeTo) return nativeTo.call(bytes, BASE64URL);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The bytes a base64url string (no padding) spells, or null if it is not one. */
export function fromBase64Url(text: string): Bytes | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  // Only the one spelling of these bytes: spare bits in the last character must be zero.
  const spare = text.length % 4 === 2 ? 0x0f : text.length % 4 === 3 ? 0x03 : 0;
  if (spare && ALPHABET.indexOf(text.charAt(text.length - 1)) & spare) return null;
  if (nativeFrom) return nativeFrom(text, { alphabet: 'base64url' }) as Bytes;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** Whether two byte arrays hold the same bytes (not for secrets: it stops at the first mismatch). */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
