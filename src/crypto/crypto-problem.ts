/**
 * Why something sealed could not be opened:
 * - `not-sealed`: the text is not a sealed payload or wrapped key at all (such as plaintext);
 * - `damaged`: it claims to be one but is cut short or malformed;
 * - `unknown-version`: a format this version of the app does not read;
 * - `unknown-key`: sealed under a key this device does not hold (another account's, or a key
 *   made after a rotation that has not reached this device);
 * - `refused`: the key did not open it: wrong key, a changed byte, or a payload moved onto
 *   another record. AES-GCM cannot tell these apart, and nothing is returned for any of them.
 */
export type CryptoProblemReason =
  'not-sealed' | 'damaged' | 'unknown-version' | 'unknown-key' | 'refused';

/** A sealed payload or key that cannot be opened, with the reason. Never carries plaintext. */
export class CryptoProblem extends Error {
  override name = 'CryptoProblem';

  constructor(
    readonly reason: CryptoProblemReason,
    message: string,
  ) {
    super(message);
  }
}

/** Whether an error is a CryptoProblem, with the given reason if one is named. */
export function isCryptoProblem(err: unknown, reason?: CryptoProblemReason): err is CryptoProblem {
  return err instanceof CryptoProblem && (reason === undefined || err.reason === reason);
}
