import { describe, expect, it } from 'vitest';
import { utf8 } from './bytes';
import {
  crc24,
  formatRecoveryKey,
  newRecoveryKey,
  parseRecoveryKey,
  RecoveryKeyProblem,
  type RecoveryKeyReason,
} from './recovery-key';

const SYMBOLS = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const key = Uint8Array.from({ length: 32 }, (_, i) => (i * 37 + 11) & 0xff);

function reasonOf(typed: string): RecoveryKeyReason | 'read' {
  try {
    parseRecoveryKey(typed);
    return 'read';
  } catch (err) {
    if (err instanceof RecoveryKeyProblem) return err.reason;
    throw err;
  }
}

describe('the recovery key', () => {
  it('has the CRC-24 of RFC 4880', () => {
    // The check value every CRC-24/OpenPGP implementation gives for "123456789".
    expect(crc24(utf8('123456789'))).toEqual(Uint8Array.of(0x21, 0xcf, 0x02));
  });

  it('is 14 groups of four Crockford symbols', () => {
    const { bytes, text } = newRecoveryKey();
    expect(bytes).toHaveLength(32);
    expect(text).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){13}$/);
    expect(parseRecoveryKey(text)).toEqual(bytes);
  });

  it.each<[string, (text: string) => string]>([
    ['as shown', (t) => t],
    ['in lower case', (t) => t.toLowerCase()],
    ['with spaces for dashes', (t) => t.replace(/-/g, ' ')],
    ['run together', (t) => t.replace(/-/g, '')],
    ['with en dashes and line breaks', (t) => t.replace(/-/g, '–').replace(/(.{20})/, '$1\n')],
    ['with spaces around it', (t) => `  ${t}\t`],
    ['with O for 0 and L or I for 1', (t) => t.replace(/0/g, 'O').replace(/1/g, 'l')],
  ])('is read back %s', (_, change) => {
    expect(parseRecoveryKey(change(formatRecoveryKey(key)))).toEqual(key);
  });

  it('catches every single mistyped symbol', () => {
    const symbols = formatRecoveryKey(key).replace(/-/g, '');
    let caught = 0;
    for (let i = 0; i < symbols.length; i++) {
      for (const other of SYMBOLS) {
        if (other === symbols[i]) continue;
        const typed = symbols.slice(0, i) + other + symbols.slice(i + 1);
        expect(reasonOf(typed), `${i}: ${other}`).toBe('checksum');
        caught++;
      }
    }
    expect(caught).toBe(56 * 31);
  });

  it('catches every swap of two neighbouring symbols', () => {
    for (let n = 0; n < 20; n++) {
      const symbols = newRecoveryKey().text.replace(/-/g, '');
      for (let i = 0; i + 1 < symbols.length; i++) {
        if (symbols[i] === symbols[i + 1]) continue;
        const typed = symbols.slice(0, i) + symbols[i + 1] + symbols[i] + symbols.slice(i + 2);
        expect(reasonOf(typed)).toBe('checksum');
      }
    }
  });

  it.each<[string, string, RecoveryKeyReason, RegExp]>([
    ['a U', 'U', 'symbol', /“U” is not used/],
    ['punctuation', '!', 'symbol', /“!” is not used/],
  ])('says which symbol is wrong: %s', (_, symbol, reason, message) => {
    const typed = symbol + formatRecoveryKey(key).slice(1);
    expect(reasonOf(typed)).toBe(reason);
    expect(() => parseRecoveryKey(typed)).toThrow(message);
  });

  it.each([
    ['one symbol short', (t: string) => t.slice(0, -1), /this has 55/],
    ['a group too many', (t: string) => `${t}-ABCD`, /this has 60/],
    ['empty', () => '', /this has 0/],
  ])('says how long it should be when %s', (_, change, message) => {
    const typed = change(formatRecoveryKey(key));
    expect(reasonOf(typed)).toBe('length');
    expect(() => parseRecoveryKey(typed)).toThrow(message);
  });
});
