/**
 * A rough guide to how hard a backup passphrase is to guess, shown as the writer types. It is a
 * hint, not a rule: only length is required. Long passphrases of several unrelated words are
 * both strong and memorable, so the advice points there.
 */

/** The fewest characters a backup passphrase may have. */
export const MIN_PASSPHRASE = 12;

export type Strength = 'too-short' | 'weak' | 'fair' | 'strong';

const COMMON = [
  'password',
  'passw0rd',
  'qwerty',
  'azerty',
  '123456',
  'abcdef',
  'letmein',
  'weeknote',
  'iloveyou',
];

/** An estimate of the passphrase's strength in bits, crediting repeated characters little. */
export function passphraseBits(passphrase: string): number {
  const chars = [...passphrase];
  const pool =
    (/[a-z]/.test(passphrase) ? 26 : 0) +
    (/[A-Z]/.test(passphrase) ? 26 : 0) +
    (/[0-9]/.test(passphrase) ? 10 : 0) +
    (/[^a-zA-Z0-9]/.test(passphrase) ? 33 : 0);
  const unique = new Set(chars).size;
  return pool === 0 ? 0 : Math.min(chars.length, unique * 2) * Math.log2(pool);
}

/** How strong a passphrase looks, with a sentence to show under the field. */
export function passphraseStrength(passphrase: string): { strength: Strength; hint: string } {
  const length = [...passphrase].length;
  if (length < MIN_PASSPHRASE) {
    return {
      strength: 'too-short',
      hint: `At least ${MIN_PASSPHRASE} characters: ${MIN_PASSPHRASE - length} more.`,
    };
  }
  const lower = passphrase.toLowerCase();
  const words = passphrase.split(/[\s\-_.,]+/).filter((w) => w.length >= 3);
  const bits = passphraseBits(passphrase);
  if (COMMON.some((c) => lower.includes(c)) || bits < 50) {
    return {
      strength: 'weak',
      hint: 'Weak: easy to guess. Four or more unrelated words make a long passphrase you can remember.',
    };
  }
  if (words.length >= 4 || bits >= 80) return { strength: 'strong', hint: 'Strong.' };
  return {
    strength: 'fair',
    hint: 'Fair. Another word or two would make it much harder to guess.',
  };
}
