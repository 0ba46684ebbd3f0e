import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { manifest } from './src/pwa/manifest.ts';
import { asyncEntry, inlineCriticalCss } from './scripts/first-paint.ts';
import { screenShell, type ChunkInfo } from './scripts/screen-pages.ts';
import { SCREEN_PAGES, screenPage } from './src/capture/paths.ts';

/**
 * shell.html: the built index.html before the capture screen is prerendered into it, for every
 * address but capture's (src/capture/paths.ts); screens/<name>.html: the same, naming the
 * screen's modules for preloading.
 */
function shellPage(): Plugin {
  return {
    name: 'weeknotes-shell-page',
    apply: 'build',
    // After Vite has written index.html into the bundle, before the prerender plugin fills it.
    enforce: 'post',
    generateBundle(_options, bundle) {
      const index = bundle['index.html'];
      // The service worker's own build has no page.
      if (index?.type !== 'asset') return;
      const html = String(index.source);
      if (!html.includes('<div id="app"></div>')) return this.error('index.html has no empty #app');
      this.emitFile({ type: 'asset', fileName: 'shell.html', source: html });
      // Each screen's own shell names its modules for preloading (scripts/screen-pages.ts).
      const chunks = Object.values(bundle).filter(
        (o): o is ChunkInfo & typeof o => o.type === 'chunk',
      );
      for (const screen of SCREEN_PAGES) {
        const source = screenShell(html, chunks, screen);
        this.emitFile({ type: 'asset', fileName: screenPage(screen).slice(1), source });
      }
    },
  };
}

/**
 * index.html, once prerendered: its critical CSS inline, the rest and the first script not holding
 * back the first frame (scripts/first-paint.ts).
 */
function firstPaint(): Plugin {
  return {
    name: 'weeknotes-first-paint',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      async handler(_options, bundle) {
        const index = bundle['index.html'];
        if (index?.type !== 'asset') return;
        const html = String(index.source);
        if (html.includes('<div id="app"></div>'))
          return this.error('index.html is not prerendered');
        const inlined = await inlineCriticalCss(html, (href: string) => {
          const css = bundle[href.replace(/^\//, '')];
          return css?.type === 'asset' ? String(css.source) : undefined;
        });
        index.source = asyncEntry(inlined);
      },
    },
  };
}

export default defineConfig({
  plugins: [
    shellPage(),
    // The capture screen is rendered into index.html at build time (src/main.ts `prerender`).
    preact({ prerender: { enabled: true, renderTarget: '#app' } }),
    firstPaint(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      manifest,
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,ico}'],
        // The manifest's screenshots are for the browser's install sheet, which fetches them
        // itself when it shows one: not worth ~130 KB on every first visit. The prerender chunk
        // only runs at build time.
        globIgnores: ['screenshots/**', 'assets/prerender-*.js'],
      },
      devOptions: { enabled: false },
    }),
  ],
  build: {
    target: 'es2022',
    // The polyfill would be an inline script, which our CSP forbids.
    modulePreload: { polyfill: false },
    sourcemap: true,
  },
});
