import { screenOf } from '../capture/paths';

/**
 * The screens loaded on demand, by the first part of their address. `main.ts` starts loading the
 * one being opened alongside the app itself, instead of after it; `App.tsx` renders them.
 */
export const screens = {
  week: () => import('../week/WeekScreen').then((m) => m.WeekScreen),
  write: () => import('./WriteScreen').then((m) => m.WriteScreen),
  archive: () => import('../compose/ArchiveScreen').then((m) => m.ArchiveScreen),
  settings: () => import('./SettingsScreen').then((m) => m.SettingsScreen),
  blogSignedIn: () => import('../publish/BlogSignedIn').then((m) => m.BlogSignedIn),
};

/** Starts loading the screen for `path`, if it is one loaded on demand. */
export function prefetchScreen(path: string): void {
  const screen = screenOf(path);
  const load =
    path === '/settings/blog-signed-in' ? screens.blogSignedIn : screen && screens[screen];
  // A failure shows when the screen itself is rendered; here it only loses the head start.
  load?.().catch(() => undefined);
}
