import { describe, expect, it } from 'vitest';
import { testMoment } from '../compose/test-moments';
import { decodeMoment } from './record-codec';

describe('reading a pulled moment', () => {
  it.each([
    ['March 7 2026 10:00 UTC', '2026-03-07T10:00:00.000Z'],
    ['2026-11-16 09:30:00Z', '2026-11-16T09:30:00.000Z'],
  ])('keeps one an older server held with the time %j, as ISO 8601', (held, iso) => {
    const moment = {
      ...testMoment('m1', '2026-03-07T10:00:00.000Z', 'Kept'),
      createdAt: held,
      updatedAt: held,
    };
    const read = decodeMoment(JSON.stringify(moment));
    expect(read.text).toBe('Kept');
    expect(read.createdAt).toBe(iso);
    expect(read.updatedAt).toBe(iso);
  });

  it('leaves an ISO time exactly as it was, offset and all', () => {
    const moment = {
      ...testMoment('m1', '2026-11-16T09:30:00.000Z', 'x'),
      createdAt: '2026-11-16T09:30:00.000+01:00',
    };
    expect(decodeMoment(JSON.stringify(moment)).createdAt).toBe('2026-11-16T09:30:00.000+01:00');
  });

  it('refuses a time that is no time at all', () => {
    const moment = { ...testMoment('m1', '2026-11-16T09:30:00.000Z', 'x'), updatedAt: 'yesterday' };
    expect(() => decodeMoment(JSON.stringify(moment))).toThrow();
  });
});
