import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs helper shared with the benchmarks
import { precacheFiles } from '../../scripts/lib/bundle-size.mjs';
import { inlineStyleSources } from '../../server/security';
import { builtPageStyleSources } from '../../server/static-app';

/** A built page, parsed. */
function page(name: string): Document {
  return new JSDOM(readFileSync(`dist/${name}`, 'utf8')).window.document;
}

/** The accessible name of a form control, from its label (the way the page labels them). */
function labelOf(doc: Document, control: Element): string {
  const byFor = control.id ? doc.querySelector(`label[for="${control.id}"]`) : null;
  return (byFor ?? control.closest('label'))?.textContent?.trim() ?? '';
}

describe('the page the service worker serves', () => {
  const precached = (precacheFiles as () => { url: string }[])().map((f) => f.url);

  it('precaches the capture page and the shell for other screens', () => {
    expect(precached).toContain('index.html');
    expect(precached).toContain('shell.html');
    // The prerender code runs at build time only.
    expect(precached.filter((u) => /prerender/.test(u))).toEqual([]);
  });

  it('holds the capture form, with accessible names, focused before any script runs', () => {
    const doc = page('index.html');
    const box = doc.querySelector('main form.capture textarea#capture-text');
    expect(box).not.toBeNull();
    expect(box?.hasAttribute('autofocus')).toBe(true);
    expect(labelOf(doc, box!)).toBe('What happened?');
    const checkboxes = [...doc.querySelectorAll('form.capture input[type="checkbox"]')];
    expect(checkboxes.map((c) => labelOf(doc, c))).toEqual(['Next week', 'Private']);
    const save = doc.querySelector('form.capture button[type="submit"]');
    expect(save?.textContent?.trim()).toBe('Save');
    expect(doc.querySelector('nav[aria-label="Main"]')).not.toBeNull();
    // Nothing dated is baked in at build time: today's list comes with the scripts.
    expect(doc.querySelector('#today-heading')).toBeNull();
    // The app's script is still there to take over the same elements.
    expect(doc.querySelector('script[type="module"][src^="/assets/main-"]')).not.toBeNull();
  });

  it('paints without waiting for a stylesheet, a script or an SVG (ADR 0016)', () => {
    const html = readFileSync('dist/index.html', 'utf8');
    const doc = page('index.html');
    // The first paint's CSS is inline, allowed by its hash and nothing wider.
    const styles = [...doc.querySelectorAll('style')];
    expect(styles).toHaveLength(1);
    expect(styles[0]?.textContent).toContain('.capture-box');
    const sources = inlineStyleSources(html);
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatch(/^'sha256-[A-Za-z0-9+/]{43}='$/);
    expect(builtPageStyleSources('dist')).toEqual(sources);
    // The whole stylesheet is fetched without blocking, switched on by main.ts, not a handler.
    const sheets = [...doc.querySelectorAll('link[rel="stylesheet"]')];
    expect(sheets.map((l) => [l.getAttribute('media'), l.hasAttribute('data-full-css')])).toEqual([
      ['print', true],
    ]);
    expect(html).not.toMatch(/\son[a-z]+=/);
    expect(doc.querySelector('script[type="module"]')?.hasAttribute('async')).toBe(true);
    // Icons are boxes of their size until the app draws them.
    expect(doc.querySelectorAll('svg, img')).toHaveLength(0);
    expect(doc.querySelectorAll('nav .icon-slot[data-size="22"]')).toHaveLength(5);
    expect(doc.querySelectorAll('form.capture .icon-slot[data-size="16"]')).toHaveLength(2);
  });

  it('gives other screens an empty shell, so they never show the capture box', () => {
    const doc = page('shell.html');
    expect(doc.querySelector('#app')?.children).toHaveLength(0);
    expect(doc.querySelector('textarea')).toBeNull();
    const script = (d: Document) => d.querySelector('script[type="module"]')?.getAttribute('src');
    expect(script(doc)).toBe(script(page('index.html')));
    // Other screens wait for the whole stylesheet, as they have no inline CSS.
    expect(doc.querySelector('style')).toBeNull();
    expect(doc.querySelector('link[rel="stylesheet"]')?.hasAttribute('media')).toBe(false);
  });
});
