import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const only = (message) => ({ message });
const ZOD = 'Import z from src/validation/zod: it sets zod up for our CSP first.';
const NOT_SYNC = {
  group: ['**/sync/*'],
  message:
    'Storage and the domain modules do not depend on sync (shared text merging is src/text/).',
};

export default tseslint.config(
  { ignores: ['dist/', 'build/', 'data/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  // Dependencies point one way: only storage/ touches Dexie, only pwa/ the service worker,
  // only sync/ the network.
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/storage/**', 'src/validation/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'dexie', ...only('Only src/storage/ may import Dexie.') },
            { name: 'zod', ...only(ZOD) },
          ],
        },
      ],
    },
  },
  {
    files: ['src/storage/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'zod', ...only(ZOD) }], patterns: [NOT_SYNC] },
      ],
    },
  },
  // Sync builds on storage and the domain modules, never the other way.
  {
    files: ['src/{capture,week,compose,commitments,threads,publish}/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'dexie', ...only('Only src/storage/ may import Dexie.') },
            { name: 'zod', ...only(ZOD) },
          ],
          patterns: [NOT_SYNC],
        },
      ],
    },
  },
  // src/text/ is pure text work any layer may use: it imports nothing of the app.
  {
    files: ['src/text/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../*'], message: 'src/text/ imports nothing of the app.' }] },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/pwa/**', 'src/sw.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'navigator',
          property: 'serviceWorker',
          ...only('Only src/pwa/ may touch the service worker.'),
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    // src/publish/http.ts is the one place that reaches the writer's own blog.
    ignores: ['src/sync/**', 'src/sw.ts', 'src/publish/http.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'fetch', ...only('Only src/sync/ talks to the server.') },
        { name: 'XMLHttpRequest', ...only('Only src/sync/ talks to the server.') },
        { name: 'WebSocket', ...only('Only src/sync/ talks to the server.') },
        { name: 'EventSource', ...only('Only src/sync/ talks to the server.') },
      ],
    },
  },
);
