import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { describeIssues } from '../src/sync/protocol.js';

/** An error that becomes a 4xx JSON answer. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly extra: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Validates input against a schema, or throws a 400 that names the problem. */
export function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) {
    const { error, path } = describeIssues(result.error);
    throw new HttpError(400, error, path ? { path } : {});
  }
  return result.data;
}

/** Sends an HttpError as JSON. */
export function sendHttpError(reply: FastifyReply, err: HttpError): FastifyReply {
  return reply.code(err.statusCode).send({ error: err.message, ...err.extra });
}

/** The origin the browser is on, as this server is reached: scheme, host and port. */
export function requestOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/** Whether cookies may carry `Secure` (and so the `__Host-` prefix): HTTPS or localhost. */
export function isSecureContext(request: FastifyRequest): boolean {
  return (
    request.protocol === 'https' || ['localhost', '127.0.0.1', '[::1]'].includes(request.hostname)
  );
}

/** The body of a request that carries no data: nothing, or an empty JSON object. */
export const emptyBody = z.strictObject({}).optional();

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * JSON bodies only, and only valid UTF-8: bytes that are not UTF-8 are refused with a 400 rather
 * than silently replaced, which would change the writer's text. Keys that could pollute
 * prototypes (`__proto__`, `constructor.prototype`) are refused too.
 */
export function registerStrictJson(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = utf8.decode(body as Buffer);
    } catch {
      done(new HttpError(400, 'The request body is not valid UTF-8.'), undefined);
      return;
    }
    void parseJson(request, text, done);
  });
}
