import { describe, expect, it } from 'vitest';
import {
  createMoment,
  MAX_MOMENT_LENGTH,
  momentTextProblem,
  prepareText,
  textChanges,
} from './moment';
import { storedMoment } from '../storage/stored-moment';

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

  it('uses the text read while the writer paused, and only for that very text', () => {
    const now = new Date('2026-11-20T09:00:00Z');
    const input = { text: ' Met @Sam about #Parking ', nextWeek: false, private: false };
    const ahead = prepareText('Met @Sam about #Parking');
    expect(ahead).toEqual({
      text: 'Met @Sam about #Parking',
      tags: ['parking'],
      people: ['Sam'],
      terms: ['met', 'sam', 'about', 'parking'],
    });
    const m = createMoment(input, 'id-2', now, 'Europe/London', ahead);
    expect(m).toEqual(createMoment(input, 'id-2', now, 'Europe/London'));
    expect(storedMoment(m, ahead).terms).toBe(ahead.terms);

    // Typed on after the reading: the reading is of other text, and is not used.
    const stale = prepareText('Met @Sam');
    const later = createMoment(input, 'id-3', now, 'Europe/London', stale);
    expect(later).toMatchObject({ tags: ['parking'], people: ['Sam'] });
    expect(storedMoment(later, stale).terms).toEqual(['met', 'sam', 'about', 'parking']);
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
