import { describe, expect, it } from 'vitest';
import { fromCrockford, toCrockford } from './crockford';

describe("Crockford's base32", () => {
  it.each<[number[], string]>([
    [[], ''],
    [[0], '00'],
    [[0xff], 'ZW'],
    [[0x00, 0x44, 0x32, 0x14, 0xc7], '01234567'],
    // Worked out independently: Python's RFC 4648 base32, its alphabet mapped to Crockford's.
    [[0x53, 0x9c, 0xa9, 0x6e, 0xbc], 'AEEAJVNW'],
    [[...'foobar'].map((c) => c.charCodeAt(0)), 'CSQPYRK1E8'],
    [[...'Hello!'].map((c) => c.charCodeAt(0)), '91JPRV3F44'],
    [[0xff, 0xff, 0xff, 0xff, 0xff], 'ZZZZZZZZ'],
  ])('writes %j as %s and reads it back', (bytes, text) => {
    expect(toCrockford(Uint8Array.from(bytes))).toBe(text);
    expect(fromCrockford(text, bytes.length)).toEqual(Uint8Array.from(bytes));
  });

  it('reads lower case', () => {
    expect(fromCrockford('aeeajvnw', 5)).toEqual(Uint8Array.of(0x53, 0x9c, 0xa9, 0x6e, 0xbc));
  });

  it('reads O, I and L as 0, 1 and 1', () => {
    expect(fromCrockford('OILO', 2)).toEqual(fromCrockford('0110', 2));
  });

  it.each(['U', '*', 'é', ' '])('refuses the symbol %j', (symbol) => {
    expect(fromCrockford(`AE${symbol}9JVNW`, 5)).toBeNull();
  });

  it('refuses too few symbols', () => {
    expect(fromCrockford('AEE9JVN', 5)).toBeNull();
  });
});
