import { describe, expect, it, vi } from 'vitest';
import {
  deviceTimeZone,
  deviceToday,
  formatTime,
  isoWithOffset,
  localDateIn,
  localStamp,
  offsetMinutes,
} from './local-time';

describe('local time', () => {
  const lateFriday = new Date('2026-11-20T23:30:00Z');

  it('gives each zone its own calendar day', () => {
    expect(localDateIn(lateFriday, 'Europe/London')).toBe('2026-11-20');
    expect(localDateIn(lateFriday, 'Europe/Berlin')).toBe('2026-11-21');
    expect(localDateIn(lateFriday, 'America/New_York')).toBe('2026-11-20');
    expect(localDateIn(lateFriday, 'Asia/Kolkata')).toBe('2026-11-21');
  });

  it('writes the offset into the timestamp', () => {
    expect(isoWithOffset(lateFriday, 'Europe/London')).toBe('2026-11-20T23:30:00.000+00:00');
    expect(isoWithOffset(lateFriday, 'Asia/Kolkata')).toBe('2026-11-21T05:00:00.000+05:30');
    expect(isoWithOffset(lateFriday, 'America/New_York')).toBe('2026-11-20T18:30:00.000-05:00');
    const summer = new Date('2026-07-01T08:15:30.250Z');
    expect(isoWithOffset(summer, 'Europe/London')).toBe('2026-07-01T09:15:30.250+01:00');
    expect(Date.parse(isoWithOffset(summer, 'Europe/London'))).toBe(summer.getTime());
  });

  it('knows the offset either side of a clock change', () => {
    expect(offsetMinutes(new Date('2026-10-25T00:59:00Z'), 'Europe/London')).toBe(60);
    expect(offsetMinutes(new Date('2026-10-25T01:00:00Z'), 'Europe/London')).toBe(0);
  });

  it('gives the timestamp and the calendar day from one reading, as the two apart do', () => {
    for (const zone of ['Europe/London', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata']) {
      for (const at of [lateFriday, new Date('2026-10-25T00:59:59.999Z'), new Date(0)]) {
        expect(localStamp(at, zone)).toEqual({
          iso: isoWithOffset(at, zone),
          localDate: localDateIn(at, zone),
        });
      }
    }
    expect(localStamp(lateFriday, 'Asia/Kolkata')).toEqual({
      iso: '2026-11-21T05:00:00.000+05:30',
      localDate: '2026-11-21',
    });
  });

  it('shows the 24-hour time where the moment was captured', () => {
    expect(formatTime('2026-11-20T18:30:00.000-05:00', 'America/New_York')).toBe('18:30');
    expect(formatTime('2026-11-20T23:30:00.000+00:00', 'Europe/London')).toBe('23:30');
  });
});

describe('deviceToday', () => {
  it("gives the day the device's zone is on, as the formatter does", () => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const base = Date.UTC(2026, 11, 31, 0, 0);
    for (let hour = -14; hour <= 14; hour++) {
      for (const minute of [0, 1, 59]) {
        const at = new Date(base + (hour * 60 + minute) * 60_000);
        expect(deviceToday(at)).toBe(localDateIn(at, zone));
      }
    }
  });
});

describe('deviceTimeZone', () => {
  it('asks the browser at most once a minute', () => {
    const spy = vi.spyOn(Intl, 'DateTimeFormat');
    const t0 = Date.now() + 3_600_000;
    const first = deviceTimeZone(t0);
    expect(deviceTimeZone(t0 + 30_000)).toBe(first);
    expect(spy).toHaveBeenCalledTimes(1);
    deviceTimeZone(t0 + 61_000);
    expect(spy).toHaveBeenCalledTimes(2);
    spy.mockRestore();
  });
});
