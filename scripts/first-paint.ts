// The capture page's first paint (ADR 0016). Measured in new tabs on a throttled phone, a
// render-blocking stylesheet and a deferred module script each held the box's autofocus back
// until they had come through the service worker. So the CSS the prerendered HTML needs is
// inlined in a <style> (allowed by a hash in the CSP, server/security.ts), the whole stylesheet
// is fetched without blocking the first frame (media="print"; src/main.ts applies it when the
// app loads), and the first script is async.
import Beasties from 'beasties';

/**
 * `html` with its critical CSS inlined. `cssOf(href)` returns a built stylesheet's text.
 * Throws unless the result has exactly one inline style and one deferred stylesheet.
 */
export async function inlineCriticalCss(
  html: string,
  cssOf: (href: string) => string | undefined,
): Promise<string> {
  class FromBundle extends Beasties {
    override getCssAsset(href: string): string | undefined {
      return cssOf(href);
    }
  }
  const beasties = new FromBundle({
    preload: 'media',
    noscriptFallback: false,
    pruneSource: false,
    inlineFonts: false,
    compress: true,
    logLevel: 'warn',
  });
  const inlined = await beasties.process(html);
  // Beasties switches the media with an inline handler, which the CSP forbids: mark the link for
  // main.ts instead.
  const out = inlined.replace(/(<link\b[^>]*?)\s+onload="[^"]*"/g, '$1 data-full-css');
  const styles = out.match(/<style>/g)?.length ?? 0;
  const deferred = out.match(/<link\b[^>]*media="print"[^>]*data-full-css[^>]*>/g)?.length ?? 0;
  const handlers = out.match(/\son\w+="/g)?.length ?? 0;
  if (styles !== 1 || deferred !== 1 || handlers !== 0)
    throw new Error(
      `critical CSS: ${styles} inline styles, ${deferred} deferred stylesheets, ${handlers} inline handlers`,
    );
  return out;
}

/** `html` with its entry module script async, so that waiting for it holds nothing back. */
export function asyncEntry(html: string): string {
  const tags = html.match(/<script type="module"[^>]*><\/script>/g) ?? [];
  if (tags.length !== 1) throw new Error(`expected one entry script, found ${tags.length}`);
  return html.replace('<script type="module"', '<script type="module" async');
}
