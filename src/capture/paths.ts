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

export type ScreenPage = (typeof SCREEN_PAGES)[number];

/** A screen's own shell, by its path in the build. */
export function screenPage(screen: ScreenPage): `/screens/${ScreenPage}.html` {
  return `/screens/${screen}.html`;
}

export type BuiltPage = '/index.html' | '/shell.html' | ReturnType<typeof screenPage>;

/** Every page the build writes for navigations. */
export const BUILT_PAGES: BuiltPage[] = [
  '/index.html',
  '/shell.html',
  ...SCREEN_PAGES.map(screenPage),
];

/** Whether a path (no query) opens on the capture screen. */
export function isCapturePath(path: string): boolean {
  return CAPTURE_PATHS.includes(path);
}

/** The screen with a shell of its own that a path (no query) opens on, by its first part. */
export function screenOf(path: string): ScreenPage | undefined {
  const first = path.split('/')[1] ?? '';
  return SCREEN_PAGES.find((s) => s === first);
}

/** The built page a navigation to `path` is answered with. */
export function pageFor(path: string): BuiltPage {
  if (isCapturePath(path)) return '/index.html';
  const screen = screenOf(path);
  return screen ? screenPage(screen) : '/shell.html';
}
