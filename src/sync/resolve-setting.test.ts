import { describe, expect, it } from 'vitest';
import type { SettingRecord, SyncedSettingKey } from '../storage/settings';
import { resolveSetting } from './resolve-setting';

const now = new Date('2026-12-04T10:00:00Z');
const rec = (key: SyncedSettingKey, value: unknown, updatedAt = '2026-12-01T00:00:00.000Z') =>
  ({ id: `setting-${key}`, key, value, updatedAt, deletedAt: null }) satisfies SettingRecord;

describe('resolveSetting', () => {
  it.each([
    ['only the server changed it', 'A {week}', 'A {week}', 'B {week}', 'B {week}', false, false],
    ['only this device changed it', 'A {week}', 'C {week}', 'A {week}', 'C {week}', true, false],
    ['both made the same change', 'A {week}', 'D {week}', 'D {week}', 'D {week}', false, false],
    ['both changed it differently', 'A {week}', 'C {week}', 'B {week}', 'B {week}', false, true],
  ])('%s', (_case, base, mine, theirs, kept, pushAgain, clash) => {
    const r = resolveSetting(
      rec('titleTemplate', base),
      rec('titleTemplate', mine),
      rec('titleTemplate', theirs),
      now,
    );
    expect((r.record as SettingRecord).value).toBe(kept);
    expect(r.pushAgain).toBe(pushAgain);
    expect(r.clash !== undefined).toBe(clash);
    if (clash) expect(r.clash).toMatchObject({ key: 'titleTemplate', kept: theirs, mine });
  });

  it('takes the default as the base when this device never saw the server’s value', () => {
    // This device saved the default itself: the server's change simply wins.
    const quiet = resolveSetting(null, rec('series', 1), rec('series', 10), now);
    expect(quiet).toMatchObject({ pushAgain: false });
    expect(quiet.clash).toBeUndefined();
    const loud = resolveSetting(null, rec('series', 7), rec('series', 10), now);
    expect(loud.clash).toMatchObject({ kept: 10, mine: 7 });
  });

  it('merges tag names tag by tag, and tells only the tags both renamed', () => {
    const r = resolveSetting(
      rec('tagNames', { a: 'A', b: 'B' }),
      rec('tagNames', { a: 'A mine', b: 'B', c: 'C' }),
      rec('tagNames', { a: 'A theirs', b: 'B', d: 'D' }),
      now,
    );
    expect((r.record as SettingRecord).value).toEqual({ a: 'A theirs', b: 'B', c: 'C', d: 'D' });
    expect(r.pushAgain).toBe(true);
    expect(r.clash).toMatchObject({
      key: 'tagNames',
      mine: { a: 'A mine', b: 'B', c: 'C', d: 'D' },
    });
  });

  it('a tag name removed on one side and kept on the other is removed', () => {
    const r = resolveSetting(
      rec('tagNames', { a: 'A' }),
      rec('tagNames', {}),
      rec('tagNames', { a: 'A', b: 'B' }),
      now,
    );
    expect((r.record as SettingRecord).value).toEqual({ b: 'B' });
    expect(r.clash).toBeUndefined();
  });
});
