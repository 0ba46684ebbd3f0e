import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { mkdirSync } from 'node:fs';
import { registerSecurityHeaders } from './security.js';
import { registerStaticApp } from './static-app.js';

/** What a server needs to know to start. */
export interface ServerOptions {
  /** The built PWA (vite's dist folder). */
  staticDir: string;
  /** Where the server keeps its data. */
  dataDir: string;
  logger?: boolean;
}

/** Largest request body the server reads, in bytes. */
export const BODY_LIMIT = 1024 * 1024;

/** Builds the Weeknotes server: the PWA, its security headers and the health check. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  mkdirSync(options.dataDir, { recursive: true });
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT,
    return503OnClosing: true,
  });

  app.setErrorHandler<FastifyError>((error, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) request.log.error(error);
    const message = status >= 500 ? 'Something went wrong on the server' : error.message;
    void reply.code(status).send({ error: message });
  });

  await registerSecurityHeaders(app);
  app.get('/healthz', () => ({ status: 'ok' }));
  await registerStaticApp(app, options.staticDir);
  return app;
}
