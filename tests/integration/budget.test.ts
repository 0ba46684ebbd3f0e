import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs helper shared with the benchmarks
import { captureScripts, precacheFiles } from '../../scripts/lib/bundle-size.mjs';

/**
 * Gzip size of the JavaScript loaded before the writer's first keystroke: Preact, the shell and
 * the capture form. Storage, sync and today's list load after it (src/app/boot-gate.ts).
 */
const CAPTURE_JS_BUDGET = 25 * 1024;
/**
 * Everything the service worker downloads on install: 577 KB when set; 659 KB once the app could
 * publish to a blog, carry commitments across weeks, send reminders and show threads (about
 * 214 KB as gzip on the wire); about 745 KB with end-to-end encryption (the keyring, sealing,
 * unlocking and linking: about 40 KB, none of it loaded before the first keystroke), with some
 * room to grow.
 */
const PRECACHE_BUDGET = 780 * 1024;

describe('size budgets of the built app', () => {
  it('keeps the JavaScript before the first keystroke within 25 KB gzip', () => {
    const scripts = (captureScripts as () => { url: string; gzip: number }[])();
    const total = scripts.reduce((sum, s) => sum + s.gzip, 0);
    expect(scripts.length).toBeGreaterThan(0);
    expect(total, JSON.stringify(scripts)).toBeLessThanOrEqual(CAPTURE_JS_BUDGET);
  });

  it('keeps the precache within budget', () => {
    const files = (precacheFiles as () => { url: string; bytes: number }[])();
    expect(files.map((f) => f.url)).toContain('index.html');
    // The manifest's screenshots are fetched by the install sheet, not precached.
    expect(files.filter((f) => f.url.startsWith('screenshots/'))).toEqual([]);
    const total = files.reduce((sum, f) => sum + f.bytes, 0);
    expect(total).toBeLessThanOrEqual(PRECACHE_BUDGET);
  });
});
