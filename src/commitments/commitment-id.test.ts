import { describe, expect, it } from 'vitest';
import { commitmentId, normaliseItem } from './commitment-id';

describe('normaliseItem', () => {
  it.each([
    ['Fix the boiler', 'fix the boiler'],
    ['1. Fix the *boiler*!', 'fix the boiler'],
    ['- fix   the boiler.', 'fix the boiler'],
    ['Café opening', 'cafe opening'],
    ['  ', ''],
    ['Agree the £1,500 budget', 'agree the 1 500 budget'],
  ])('%j → %j', (text, expected) => {
    expect(normaliseItem(text)).toBe(expected);
  });
});

describe('commitmentId', () => {
  it('is the same for the same item in the same week, however it is written', () => {
    expect(commitmentId('2026-11-02', 'Fix the boiler')).toBe(
      commitmentId('2026-11-02', '1. fix the boiler.'),
    );
  });

  it.each([
    ['another week', '2026-11-09', 'Fix the boiler'],
    ['other words', '2026-11-02', 'Fix the roof'],
  ])('differs for %s', (_case, week, text) => {
    expect(commitmentId(week, text)).not.toBe(commitmentId('2026-11-02', 'Fix the boiler'));
  });

  it('is a valid sync record id: letters, digits and dashes, at most 80', () => {
    const id = commitmentId('2026-11-02', 'x'.repeat(5000));
    expect(id).toMatch(/^commitment-2026-11-02-[0-9a-z]{11}$/);
    expect(id.length).toBeLessThanOrEqual(80);
  });
});
