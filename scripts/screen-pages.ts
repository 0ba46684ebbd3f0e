// A shell per screen (ADR 0016). Opening /week on the empty shell, the first script asked for the
// app and the screen by dynamic import, and Vite's preload helper then started ~30 module
// fetches one by one from that script (about 10 ms of the page's main thread before the week's
// first frame). Each screen's own shell names those modules in <link rel="modulepreload">, so
// the browser fetches them while it reads the page.

import type { ScreenPage } from '../src/capture/paths';

/** What this needs of a built chunk (Rollup's and Rolldown's OutputChunk). */
export interface ChunkInfo {
  fileName: string;
  facadeModuleId: string | null;
  imports: string[];
  isEntry: boolean;
}

/** Each screen with a shell of its own (src/capture/paths.ts), and its module. */
export const SCREEN_MODULES: Record<ScreenPage, string> = {
  week: 'src/week/WeekScreen.tsx',
  write: 'src/app/WriteScreen.tsx',
  archive: 'src/compose/ArchiveScreen.tsx',
  settings: 'src/app/SettingsScreen.tsx',
};

/** The app's own module, which every screen needs (src/app/boot.tsx). */
export const APP_MODULE = 'src/app/boot.tsx';

/** The chunk built from `module` and every chunk it imports statically, in load order. */
export function staticGraph(chunks: ChunkInfo[], module: string): string[] {
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const root = chunks.find((c) => c.facadeModuleId?.endsWith(`/${module}`));
  if (!root) throw new Error(`no chunk is built from ${module}`);
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const dep of byFile.get(file)?.imports ?? []) visit(dep);
  };
  visit(root.fileName);
  return [...seen];
}

/**
 * The shell for `screen`: `shell` with a modulepreload for every chunk the screen and the app
 * import statically, leaving out the entry script the shell already loads.
 */
export function screenShell(shell: string, chunks: ChunkInfo[], screen: ScreenPage): string {
  const module = SCREEN_MODULES[screen];
  const entries = new Set(chunks.filter((c) => c.isEntry).map((c) => c.fileName));
  const files = new Set([...staticGraph(chunks, APP_MODULE), ...staticGraph(chunks, module)]);
  const links = [...files]
    .filter((f) => !entries.has(f))
    .map((f) => `    <link rel="modulepreload" crossorigin href="/${f}">\n`)
    .join('');
  if (!shell.includes('</head>')) throw new Error('the shell has no </head>');
  return shell.replace('</head>', `${links}  </head>`);
}
