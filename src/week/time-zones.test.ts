/**
 * The date suites run three times (vitest.config.ts): in the machine's zone, in London and in
 * Santiago. This checks each run really is in the zone it is named for.
 */
import { describe, expect, it } from 'vitest';

const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

describe(`the local clock (${zone})`, () => {
  it('is the zone TZ names, when set', () => {
    if (process.env.TZ) expect(zone).toBe(process.env.TZ);
  });

  it.runIf(zone === 'America/Santiago')('has a day that starts at 01:00', () => {
    // Chile's clocks go forward at midnight: 6 September 2026 has no 00:00.
    expect(new Date(2026, 8, 6).getHours()).toBe(1);
  });

  it.runIf(zone === 'Europe/London')('changes to summer time at 01:00 UTC on 29 March 2026', () => {
    expect(new Date('2026-03-29T00:59:00Z').getHours()).toBe(0);
    expect(new Date('2026-03-29T01:00:00Z').getHours()).toBe(2);
  });
});
