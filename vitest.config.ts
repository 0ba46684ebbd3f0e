import { defineConfig } from 'vitest/config';

/** Suites whose answers depend on the local clock: weeks, days and times. */
const DATE_SUITES = [
  'src/week/**/*.test.ts',
  'src/compose/**/*.test.ts',
  'src/threads/**/*.test.ts',
];

/**
 * The date suites again in zones where the clock changes: London (the writers' own), and
 * Santiago, where the change falls at midnight, so a day can start at 01:00 or happen twice.
 * Run in their own processes, since a process has one time zone.
 */
const zones = ['Europe/London', 'America/Santiago'].map((zone) => ({
  extends: true as const,
  test: { name: zone, include: DATE_SUITES, env: { TZ: zone } },
}));

export default defineConfig({
  test: {
    environment: 'node',
    setupFiles: ['./src/test-setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'all',
          include: ['src/**/*.test.ts', 'server/**/*.test.ts', 'tests/integration/**/*.test.ts'],
        },
      },
      ...zones,
    ],
  },
});
