import { hydrate, render } from 'preact';
import { App } from './app/App';
import './app/app.css';
import { isCapturePath } from './capture/paths';
import { database } from './storage/db';

if (typeof window !== 'undefined') start();

function start(): void {
  const root = document.getElementById('app');
  if (!root) return;
  if (isCapturePath(location.pathname) && root.firstElementChild) {
    // The capture screen is already in the page (prerendered at build time, below), focused and
    // perhaps typed into: take over the same elements, so focus, text and cursor stay put.
    hydrate(<App />, root);
    return;
  }
  // Every screen but capture needs storage at once: start loading Dexie and opening IndexedDB
  // now, alongside the screen's own code, instead of after it.
  void database();
  render(<App />, root);
}

/**
 * Build time only (vite-prerender-plugin): the capture screen as HTML, so the page the service
 * worker serves holds the box, its label, the flags and Save before any script has run. Only
 * `/` is rendered; other screens get the empty shell (shell.html).
 */
export async function prerender(): Promise<{ html: string; links: Set<string> }> {
  const { default: ssr, locationStub } = await import('preact-iso/prerender');
  locationStub('/');
  const { html } = await ssr(<App />);
  // preact-iso marks its own hydration data with an inert script element; this app has none.
  return { html: html.replace('<script type="isodata"></script>', ''), links: new Set() };
}
