import { describe, expect, it } from 'vitest';
import { createMoment, MAX_MOMENT_LENGTH, momentTextProblem, textChanges } from './moment';

describe('createMoment', () => {
  it('records its own local day, zone and offset', () => {
    const now = new Date('2026-11-20T23:30:00Z');
    const m = createMoment(
      { text: '  Late call with @Ana #hiring  ', nextWeek: true, private: false },
      'id-1',
      now,
      'Europe/Berlin',
    );
    expect(m).toMatchObject({
      id: 'id-1',
      text: 'Late call with @Ana #hiring',
      tags: ['hiring'],
      people: ['Ana'],
      createdAt: '2026-11-21T00:30:00.000+01:00',
      timeZone: 'Europe/Berlin',
      localDate: '2026-11-21',
      nextWeek: true,
      private: false,
      updatedAt: '2026-11-20T23:30:00.000Z',
      deletedAt: null,
    });
  });
});

describe('momentTextProblem', () => {
  it('refuses empty text', () => {
    expect(momentTextProblem('  \n ')).toMatch(/empty/);
  });
  it('keeps a 20,000-character paste whole', () => {
    expect(momentTextProblem('a'.repeat(20_000))).toBeNull();
  });
  it('refuses text past the limit with the numbers, never cutting it', () => {
    expect(momentTextProblem('a'.repeat(MAX_MOMENT_LENGTH + 1))).toMatch(/50,001.*50,000/);
  });
});

describe('textChanges', () => {
  it('finds tags and people again', () => {
    expect(textChanges('Now with @Lee #ops ')).toEqual({
      text: 'Now with @Lee #ops',
      tags: ['ops'],
      people: ['Lee'],
    });
  });
});
