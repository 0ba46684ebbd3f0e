import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs helper shared with the benchmarks
import { precacheFiles } from '../../scripts/lib/bundle-size.mjs';

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

  it('gives other screens an empty shell, so they never show the capture box', () => {
    const doc = page('shell.html');
    expect(doc.querySelector('#app')?.children).toHaveLength(0);
    expect(doc.querySelector('textarea')).toBeNull();
    const script = (d: Document) => d.querySelector('script[type="module"]')?.getAttribute('src');
    expect(script(doc)).toBe(script(page('index.html')));
  });
});
