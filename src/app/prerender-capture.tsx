import { App } from './App';

/**
 * Icons as empty boxes of their size (styled in app.css), drawn when the app hydrates (boot.tsx
 * removes the boxes). Inline SVG in the HTML, and the logo's SVG image, made the first frame,
 * and so the box's autofocus, markedly later on a throttled phone (measured, ADR 0016).
 */
function iconSlots(html: string): string {
  return html
    .replace(
      /<svg\b[^>]*?\swidth="(\d+)"[^>]*>[\s\S]*?<\/svg>/g,
      (_svg, size: string) =>
        `<span class="icon icon-slot" data-size="${size}" aria-hidden="true"></span>`,
    )
    .replace(
      /<img class="brand-mark"[^>]*>/,
      '<span class="brand-mark icon-slot" data-size="24" aria-hidden="true"></span>',
    );
}

/** The capture screen as HTML, at build time (see `prerender` in main.tsx). */
export async function prerenderCapture(): Promise<{ html: string; links: Set<string> }> {
  const { default: ssr, locationStub } = await import('preact-iso/prerender');
  locationStub('/');
  const { html } = await ssr(<App />);
  // preact-iso marks its own hydration data with an inert script element; this app has none.
  const page = html.replace('<script type="isodata"></script>', '');
  return { html: iconSlots(page), links: new Set() };
}
