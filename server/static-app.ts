import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { BUILT_PAGES, pageFor } from '../src/capture/paths.js';
import { inlineStyleSources } from './security.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/** Hashed build output never changes under its name; everything else is checked on each load. */
export function cacheControlFor(filePath: string): string {
  return /[/\\]assets[/\\]/.test(filePath) && basename(filePath) !== 'index.html'
    ? IMMUTABLE
    : REVALIDATE;
}

function isAppRoute(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0] ?? '';
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    !path.startsWith('/api/') &&
    extname(path) === ''
  );
}

/** The CSP sources for the built capture page's inline style (none before a build). */
export function builtPageStyleSources(staticDir: string): string[] {
  const page = join(staticDir, 'index.html');
  return existsSync(page) ? inlineStyleSources(readFileSync(page, 'utf8')) : [];
}

/** Serves the built PWA, and the app's page for any app route so deep links and reloads work. */
export async function registerStaticApp(app: FastifyInstance, staticDir: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: staticDir,
    cacheControl: false,
    // The build writes .br and .gz copies (scripts/compress-dist.mjs); sent where accepted.
    preCompressed: true,
    setHeaders: (res, filePath) => {
      res.setHeader('Cache-Control', cacheControlFor(filePath));
      res.setHeader('Vary', 'Accept-Encoding');
    },
  });

  // The built pages this build has (a test build may lack the screens' own shells).
  const built = new Set(BUILT_PAGES.filter((p) => existsSync(join(staticDir, p))));
  app.setNotFoundHandler(async (request: FastifyRequest, reply: FastifyReply) => {
    if (isAppRoute(request)) {
      // Capture's page holds its box as HTML; other screens get their own shell or the empty one
      // (src/capture/paths.ts).
      const page = pageFor(request.url.split('?')[0] ?? '/');
      const sent = page === '/index.html' || built.has(page) ? page : '/shell.html';
      return reply.header('Cache-Control', REVALIDATE).sendFile(sent.slice(1));
    }
    return reply.code(404).send({ error: 'Not found', path: request.url.split('?')[0] });
  });
}
