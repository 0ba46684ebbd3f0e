import helmet from 'helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The Content-Security-Policy: our own origin only, no inline script or style, and one
 * exception: the page may connect (fetch only) to any https origin, since it publishes straight
 * to the writer's own blog, whose address only the writer knows (ADR 0011). The code reaches no
 * origin but ours and the blogs the writer connects.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'", 'https:'],
  manifestSrc: ["'self'"],
  workerSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * Adds the security headers to every response. `blogOrigins` are further sources the page may
 * connect to, for blogs not on https (a WordPress on this machine: `http://127.0.0.1:*`).
 */
export function registerSecurityHeaders(app: FastifyInstance, blogOrigins: string[] = []): void {
  const directives = {
    ...CSP_DIRECTIVES,
    connectSrc: [...CSP_DIRECTIVES.connectSrc, ...blogOrigins],
  };
  // Helmet's middleware is built once here (the Fastify wrapper rebuilt it on every request).
  const setHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives },
    referrerPolicy: { policy: 'no-referrer' },
  });
  app.addHook('onRequest', (request, reply, done) => {
    setHeaders(request.raw, reply.raw, (err?: unknown) => done(err as Error | undefined));
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header(
      'Permissions-Policy',
      'camera=(), microphone=(), geolocation=(), interest-cohort=()',
    );
  });
}
