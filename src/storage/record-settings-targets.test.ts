import { describe, expect, it } from 'vitest';
import { checkSettingChanges, decodeSetting } from './record-settings';
import type { YearlyTarget } from './records';

const running: YearlyTarget = {
  id: 't1',
  label: 'running',
  amount: 1500,
  unit: 'miles',
  counts: ['#run', 'ran'],
};

const payload = (value: unknown) =>
  JSON.stringify({
    id: 'setting-targets',
    key: 'targets',
    value,
    updatedAt: '2026-11-20T10:00:00.000Z',
    deletedAt: null,
  });

describe('the targets setting', () => {
  it('accepts a sound target, saved or pulled', () => {
    expect(checkSettingChanges({ targets: [running] })).toEqual({ targets: [running] });
    expect(decodeSetting(payload([running])).value).toEqual([running]);
  });

  it.each<[string, unknown]>([
    ['no label', [{ ...running, label: '  ' }]],
    ['a control character', [{ ...running, label: 'run\u202Ening' }]],
    ['zero', [{ ...running, amount: 0 }]],
    ['a negative amount', [{ ...running, amount: -5 }]],
    ['a huge amount', [{ ...running, amount: 1e12 }]],
    ['not a number', [{ ...running, amount: '1500' }]],
    ['infinity', [{ ...running, amount: Infinity }]],
    ['a unit of two words', [{ ...running, unit: 'light years' }]],
    ['a unit with digits', [{ ...running, unit: 'm2' }]],
    ['nothing that counts', [{ ...running, counts: [] }]],
    ['a phrase that counts', [{ ...running, counts: ['went for a run'] }]],
    ['a pattern that counts', [{ ...running, counts: ['.*'] }]],
    ['eleven targets', Array.from({ length: 11 }, (_, i) => ({ ...running, id: `t${i}` }))],
    ['not a list', { running }],
  ])('refuses a pulled target with %s', (_, value) => {
    expect(() => decodeSetting(payload(value))).toThrow();
  });
});
