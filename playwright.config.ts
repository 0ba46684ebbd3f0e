import { defineConfig, devices } from '@playwright/test';
// @ts-expect-error -- a plain .mjs helper shared with the scripts
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium.mjs';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  // A test.only left in by mistake fails CI instead of quietly skipping the rest.
  forbidOnly: !!process.env.CI,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    // A phone: Pixel 7's touch screen and pixel density at the narrowest common width.
    ...devices['Pixel 7'],
    viewport: { width: 360, height: 780 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    launchOptions: {
      executablePath: (chromiumPath as () => string | null)() ?? undefined,
      args: CHROMIUM_ARGS as string[],
    },
    trace: 'retain-on-failure',
  },
});
