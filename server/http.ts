import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
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
