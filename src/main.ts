// The first script: nothing but what capture needs before the writer's first keystroke. The
// capture form is already in the page (prerendered, below) and works as plain HTML; the app
// itself loads at the first keystroke or tap, or when the page is idle (ADR 0016).
import './app/app.css';
import './capture/capture.css';
import './capture/flags.css';
import { afterFirstInput } from './app/boot-gate';
import { holdEarlySaves } from './capture/early-input';
import { prefetchScreen } from './app/screens';
import { isCapturePath } from './capture/paths';
import { database } from './storage/db';

// The capture page loads this script async (ADR 0016): it may run before the page is parsed.
if (typeof window !== 'undefined') {
  if (document.readyState === 'loading')
    document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}

function start(): void {
  const root = document.getElementById('app');
  if (!root) return;
  if (isCapturePath(location.pathname) && root.firstElementChild) {
    holdEarlySaves(root);
    void afterFirstInput()
      .then(() => {
        useFullStylesheet();
        return import('./app/boot');
      })
      .then((m) => m.hydrateApp(root));
    return;
  }
  // Another screen: its own code and the database start loading with the app, not after it.
  prefetchScreen(location.pathname);
  void database();
  void import('./app/boot').then((m) => m.renderApp(root));
}

/**
 * The page inlines only the CSS its prerendered form needs and fetches the whole stylesheet
 * without blocking the first frame (scripts/first-paint.ts); the app needs all of it.
 */
function useFullStylesheet(): void {
  for (const link of document.querySelectorAll<HTMLLinkElement>('link[data-full-css]'))
    link.media = 'all';
}

/**
 * Build time only (vite-prerender-plugin): the capture screen as HTML, so the page the service
 * worker serves holds the box, its label, the flags and Save before any script has run. Only
 * `/` is rendered; other screens get the empty shell (shell.html).
 */
export async function prerender(): Promise<{ html: string; links: Set<string> }> {
  const { prerenderCapture } = await import('./app/prerender-capture');
  return prerenderCapture();
}
