import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Moment } from './records';
import { forgetWeek, keepWeek, WEEK_CACHE_KEY } from './week-cache';
import { cachedWeek } from './week-cache-read';

const store = new Map<string, string>();
beforeEach(() => {
  store.clear();
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
  });
});

const moment: Moment = {
  id: '019a0000-0000-7000-8000-000000000001',
  text: 'Met @Priya about the #service-centre',
  createdAt: '2026-11-16T09:00:00.000+00:00',
  timeZone: 'Europe/London',
  localDate: '2026-11-16',
  tags: ['service-centre'],
  people: ['Priya'],
  nextWeek: false,
  private: true,
  updatedAt: '2026-11-16T09:00:00.000+00:00',
  deletedAt: null,
};

describe('the week cache', () => {
  it('gives back the moments kept for the same week', () => {
    keepWeek('2026-11-16', [moment]);
    expect(cachedWeek('2026-11-16')).toEqual([moment]);
  });

  it('gives nothing for another week, after forgetting, or for a damaged copy', () => {
    keepWeek('2026-11-16', [moment]);
    expect(cachedWeek('2026-11-23')).toBeUndefined();
    forgetWeek();
    expect(cachedWeek('2026-11-16')).toBeUndefined();
    store.set(WEEK_CACHE_KEY, '{"weekStart":"2026-11-16","moments":[{"id":5}]}');
    expect(cachedWeek('2026-11-16')).toBeUndefined();
    store.set(WEEK_CACHE_KEY, 'not json');
    expect(cachedWeek('2026-11-16')).toBeUndefined();
  });

  it('keeps nothing for a week too big to read back quickly', () => {
    keepWeek('2026-11-16', [moment]);
    keepWeek('2026-11-16', [{ ...moment, text: 'x'.repeat(250_000) }]);
    expect(cachedWeek('2026-11-16')).toBeUndefined();
  });
});
