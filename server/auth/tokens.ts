import { createHash, randomBytes, randomInt } from 'node:crypto';

/** A random, unguessable token (256 bits, base64url). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 of a secret, as stored: a stolen database does not give working sessions or codes. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

// No 0/O, 1/I/L: codes are read off one screen and typed on another.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A code of `groups` groups of four characters, e.g. "K7PD-M2QX". */
export function newCode(groups: number): string {
  return Array.from({ length: groups }, () =>
    Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
  ).join('-');
}

/** A code as typed, tidied: upper case, no spaces, dashes where they belong. */
export function normaliseCode(typed: string): string {
  const bare = typed.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return bare.match(/.{1,4}/g)?.join('-') ?? '';
}
