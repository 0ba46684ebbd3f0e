import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { basename, extname } from 'node:path';

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

/** Serves the built PWA, and index.html for any app route so deep links and reloads work. */
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

  app.setNotFoundHandler(async (request: FastifyRequest, reply: FastifyReply) => {
    if (isAppRoute(request)) {
      return reply.header('Cache-Control', REVALIDATE).sendFile('index.html');
    }
    return reply.code(404).send({ error: 'Not found', path: request.url.split('?')[0] });
  });
}
