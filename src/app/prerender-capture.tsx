import { markPrerendering } from '../capture/icon-slot';
import { App } from './App';

/** The capture screen as HTML, at build time (see `prerender` in main.tsx). */
export async function prerenderCapture(): Promise<{ html: string; links: Set<string> }> {
  const { default: ssr, locationStub } = await import('preact-iso/prerender');
  locationStub('/');
  markPrerendering();
  const { html } = await ssr(<App />);
  // preact-iso marks its own hydration data with an inert script element; this app has none.
  return { html: html.replace('<script type="isodata"></script>', ''), links: new Set() };
}
