import { describe, expect, it } from 'vitest';
import { passphraseStrength, type Strength } from './passphrase-strength';

describe('passphrase strength hint', () => {
  it.each<[string, Strength, RegExp]>([
    ['', 'too-short', /12 more/],
    ['kettle', 'too-short', /6 more/],
    ['🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉', 'too-short', /1 more/],
    ['aaaaaaaaaaaaaaaa', 'weak', /Four or more unrelated words/],
    ['password1234', 'weak', /easy to guess/],
    ['Weeknotes2026!', 'weak', /easy to guess/],
    ['abababababababab', 'weak', /easy to guess/],
    ['orchardkettle', 'fair', /Another word/],
    ['granite kettle orchard sparrow', 'strong', /^Strong\.$/],
    ['Tr0ub4dor&3-xQ9!vLm', 'strong', /^Strong\.$/],
  ])('%j is %s', (passphrase, strength, hint) => {
    const result = passphraseStrength(passphrase);
    expect(result.strength).toBe(strength);
    expect(result.hint).toMatch(hint);
  });
});
