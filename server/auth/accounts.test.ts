import { describe, expect, it } from 'vitest';
import { deviceName, UNSAFE_IN_NAMES } from './accounts.js';

describe('deviceName', () => {
  it.each([
    ['  Pixel 7\tphone  ', 'Pixel 7 phone'],
    ['Phone\u0000\u202Eexe.gnp', 'Phoneexe.gnp'],
    ['\u2066Laptop\u2069', 'Laptop'],
    ['Work \u200Flaptop\u200E', 'Work laptop'],
    ['\u0000\u0001', 'Unnamed device'],
    ['', 'Unnamed device'],
    [42, 'Unnamed device'],
    ['x'.repeat(100), 'x'.repeat(60)],
    ['هاتف سارة', 'هاتف سارة'],
  ])('%j is stored as %j', (given, stored) => {
    expect(deviceName(given)).toBe(stored);
  });

  it('leaves no unsafe character in a name, whichever it is', () => {
    const kept: string[] = [];
    for (let code = 0; code < 0x2100; code++) {
      const name = deviceName(`a${String.fromCharCode(code)}b`);
      if (UNSAFE_IN_NAMES.test(name)) kept.push(code.toString(16));
    }
    expect(kept).toEqual([]);
  });
});
