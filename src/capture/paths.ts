/**
 * The addresses that open on the capture screen. Their page (index.html) holds the capture box
 * as HTML, prerendered at build time; every other address gets the empty shell (shell.html), so
 * no other screen ever shows the capture box or takes its focus before its own code has run.
 */
const CAPTURE_PATHS = ['/', '/share'];

/** Whether a path (no query) opens on the capture screen. */
export function isCapturePath(path: string): boolean {
  return CAPTURE_PATHS.includes(path);
}

/** The built page a navigation to `path` is answered with. */
export function pageFor(path: string): '/index.html' | '/shell.html' {
  return isCapturePath(path) ? '/index.html' : '/shell.html';
}
