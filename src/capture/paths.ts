/**
 * The addresses that open on the capture screen. Their page (index.html) holds the capture box
 * as HTML, prerendered at build time; every other address gets an empty shell, so no other
 * screen ever shows the capture box or takes its focus before its own code has run.
 */
const CAPTURE_PATHS = ['/', '/share'];

/**
 * The screens with a shell of their own (screens/<name>.html): the empty shell with the screen's
 * code and the app's named for preloading, so the browser fetches them all while it reads the
 * page instead of one import at a time once the first script runs (ADR 0016).
 */
export const SCREEN_PAGES = ['week', 'write', 'archive', 'settings'] as const;

export type BuiltPage =
  '/index.html' | '/shell.html' | `/screens/${(typeof SCREEN_PAGES)[number]}.html`;

/** Whether a path (no query) opens on the capture screen. */
export function isCapturePath(path: string): boolean {
  return CAPTURE_PATHS.includes(path);
}

/** The built page a navigation to `path` is answered with. */
export function pageFor(path: string): BuiltPage {
  if (isCapturePath(path)) return '/index.html';
  const first = path.split('/')[1] ?? '';
  const screen = SCREEN_PAGES.find((s) => s === first);
  return screen ? `/screens/${screen}.html` : '/shell.html';
}
