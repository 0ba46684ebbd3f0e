import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs helper shared with the benchmarks
import { precacheFiles } from '../../scripts/lib/bundle-size.mjs';
import { screenShell, staticGraph, type ChunkInfo } from '../../scripts/screen-pages';
import { pageFor } from '../../src/capture/paths';

const chunk = (fileName: string, imports: string[], facade?: string): ChunkInfo => ({
  fileName,
  imports,
  facadeModuleId: facade ? `/repo/${facade}` : null,
  isEntry: fileName.startsWith('assets/main'),
});

const chunks = [
  chunk('assets/main-1.js', []),
  chunk('assets/boot-1.js', ['assets/App-1.js'], 'src/app/boot.tsx'),
  chunk('assets/App-1.js', ['assets/preact-1.js', 'assets/main-1.js']),
  chunk('assets/preact-1.js', []),
  chunk(
    'assets/WeekScreen-1.js',
    ['assets/preact-1.js', 'assets/list-1.js'],
    'src/week/WeekScreen.tsx',
  ),
  chunk('assets/list-1.js', ['assets/WeekScreen-1.js']),
  chunk('assets/SettingsScreen-1.js', ['assets/settings-1.js'], 'src/app/SettingsScreen.tsx'),
  chunk('assets/settings-1.js', []),
];

describe('a screen’s own shell', () => {
  it('follows static imports through shared chunks and cycles, once each', () => {
    expect(staticGraph(chunks, 'src/week/WeekScreen.tsx')).toEqual([
      'assets/WeekScreen-1.js',
      'assets/preact-1.js',
      'assets/list-1.js',
    ]);
    expect(() => staticGraph(chunks, 'src/gone.tsx')).toThrow(/no chunk is built from/);
  });

  it('names the app’s and the screen’s modules for preloading, not the entry or other screens', () => {
    const shell =
      '<html><head><script type="module" src="/assets/main-1.js"></script></head></html>';
    const page = screenShell(shell, chunks, 'week');
    const preloaded = [
      ...page.matchAll(/<link rel="modulepreload" crossorigin href="\/([^"]+)">/g),
    ];
    expect(preloaded.map((m) => m[1]).sort()).toEqual(
      [
        'assets/App-1.js',
        'assets/WeekScreen-1.js',
        'assets/boot-1.js',
        'assets/list-1.js',
        'assets/preact-1.js',
      ].sort(),
    );
    expect(page.indexOf('modulepreload')).toBeLessThan(page.indexOf('</head>'));
  });

  it('opens each screen’s address on its shell, and any other on the empty one', () => {
    expect(pageFor('/')).toBe('/index.html');
    expect(pageFor('/share')).toBe('/index.html');
    expect(pageFor('/week')).toBe('/screens/week.html');
    expect(pageFor('/week/2026-11-16')).toBe('/screens/week.html');
    expect(pageFor('/write/2026-11-16')).toBe('/screens/write.html');
    expect(pageFor('/settings/blog-signed-in')).toBe('/screens/settings.html');
    expect(pageFor('/weekly')).toBe('/shell.html');
    expect(pageFor('/nowhere')).toBe('/shell.html');
  });
});

describe('the built screen shells', () => {
  const precached = (precacheFiles as () => { url: string }[])().map((f) => f.url);

  it.each(['week', 'write', 'archive', 'settings'])(
    'screens/%s.html is precached and preloads its screen, the app and nothing missing',
    (screen) => {
      expect(precached).toContain(`screens/${screen}.html`);
      const html = readFileSync(`dist/screens/${screen}.html`, 'utf8');
      const files = [
        ...html.matchAll(/<link rel="modulepreload" crossorigin href="\/([^"]+)">/g),
      ].map((m) => m[1] ?? '');
      expect(files.some((f) => /^assets\/App-[\w-]+\.js$/.test(f))).toBe(true);
      expect(files.length).toBeGreaterThan(3);
      for (const file of files) expect(existsSync(`dist/${file}`), file).toBe(true);
      // The shell is the empty one otherwise: same entry script, no prerendered screen.
      const shell = readFileSync('dist/shell.html', 'utf8');
      const bare = (page: string): string =>
        page.replace(/\s*<link rel="modulepreload"[^>]*>/g, '').replace(/\s*<\/head>/, '</head>');
      expect(bare(html)).toBe(bare(shell));
    },
  );

  it('preloads the week screen’s own module on the week’s shell', () => {
    const html = readFileSync('dist/screens/week.html', 'utf8');
    expect(html).toMatch(/href="\/assets\/WeekScreen-[\w-]+\.js"/);
    expect(html).not.toMatch(/href="\/assets\/SettingsScreen-[\w-]+\.js"/);
  });
});
