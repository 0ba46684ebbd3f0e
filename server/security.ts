import { createHash } from 'node:crypto';
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
 * CSP sources for the inline `<style>` elements of a built page: the capture page inlines the CSS
 * of its first paint (ADR 0016). Only these exact texts are allowed, never inline style at large.
 */
export function inlineStyleSources(html: string): string[] {
  return [...html.matchAll(/<style>([^<]*)<\/style>/g)].map(
    (m) =>
      `'sha256-${createHash('sha256')
        .update(m[1] ?? '')
        .digest('base64')}'`,
  );
}

/**
 * Adds the security headers to every response. `blogOrigins` are further sources the page may
 * connect to, for blogs not on https (a WordPress on this machine: `http://127.0.0.1:*`);
 * `styleSources` allow the built page's inline styles (`inlineStyleSources`).
 */
export function registerSecurityHeaders(
  app: FastifyInstance,
  blogOrigins: string[] = [],
  styleSources: string[] = [],
): void {
  const directives = {
    ...CSP_DIRECTIVES,
    styleSrc: [...CSP_DIRECTIVES.styleSrc, ...styleSources],
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
