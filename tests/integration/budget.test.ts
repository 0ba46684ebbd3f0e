import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs helper shared with the benchmarks
import { captureScripts, precacheFiles } from '../../scripts/lib/bundle-size.mjs';

/** Gzip size of the JavaScript loaded before the capture screen is ready. */
const CAPTURE_JS_BUDGET = 40 * 1024;
/** Everything the service worker downloads on install. */
const PRECACHE_BUDGET = 800 * 1024;

describe('size budgets of the built app', () => {
  it('keeps the capture screen’s JavaScript within 40 KB gzip', () => {
    const scripts = (captureScripts as () => { url: string; gzip: number }[])();
    const total = scripts.reduce((sum, s) => sum + s.gzip, 0);
    expect(scripts.length).toBeGreaterThan(0);
    expect(total, JSON.stringify(scripts)).toBeLessThanOrEqual(CAPTURE_JS_BUDGET);
  });

  it('keeps the precache within budget', () => {
    const files = (precacheFiles as () => { url: string; bytes: number }[])();
    expect(files.map((f) => f.url)).toContain('index.html');
    const total = files.reduce((sum, f) => sum + f.bytes, 0);
    expect(total).toBeLessThanOrEqual(PRECACHE_BUDGET);
  });
});
