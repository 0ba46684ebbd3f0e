import { describe, expect, it } from 'vitest';
import { dateFormat } from './dates';

describe('dateFormat', () => {
  it('formats as the en-GB formatter with the same options does', () => {
    const options: Intl.DateTimeFormatOptions = {
      timeZone: 'UTC',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
    };
    const at = new Date('2026-11-20T12:00:00Z');
    expect(dateFormat(options).format(at)).toBe('Friday 20 November');
    expect(dateFormat(options).format(at)).toBe(
      new Intl.DateTimeFormat('en-GB', options).format(at),
    );
  });
});
