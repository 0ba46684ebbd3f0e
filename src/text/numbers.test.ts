import { describe, expect, it } from 'vitest';
import { formatNumber } from './numbers';

describe('formatNumber', () => {
  it('writes numbers as the en-GB formatter does', () => {
    const enGB = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
    for (const n of [0, 1, 7, 42, 999, 1000, 1500, 26520, 1234567, 2.5, 2.25, 1.005, 999.5, -3]) {
      expect(formatNumber(n)).toBe(enGB.format(n));
    }
    expect(formatNumber(1500)).toBe('1,500');
    expect(formatNumber(2.256)).toBe('2.26');
  });
});
