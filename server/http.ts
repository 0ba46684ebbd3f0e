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
 * Where in a parsed body a string (or key) holds U+0000, as a dotted path ('' for the body
 * itself), or null. PostgreSQL cannot store the character in text at all, so it is refused on
 * every engine alike; the app never sends one (its payloads are JSON, which escapes it).
 */
export function nulCharacterAt(value: unknown): string | null {
  // An explicit stack, not recursion, and each path a link to its parent rather than a copy:
  // JSON.parse accepts bodies nested far deeper than the call stack.
  interface At {
    key: string;
    parent: At | null;
  }
  const pathOf = (at: At | null): string => {
    const keys: string[] = [];
    for (let a = at; a; a = a.parent) keys.push(a.key);
    return keys.reverse().join('.');
  };
  const stack: [unknown, At | null][] = [[value, null]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [item, at] = next;
    if (typeof item === 'string') {
      if (item.includes('\u0000')) return pathOf(at);
    } else if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--)
        stack.push([item[i], { key: String(i), parent: at }]);
    } else if (item && typeof item === 'object') {
      const entries = Object.entries(item);
      for (const [key] of entries) {
        if (key.includes('\u0000')) {
          return pathOf({ key: key.replaceAll('\u0000', '\\u0000'), parent: at });
        }
      }
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i] as [string, unknown];
        stack.push([child, { key, parent: at }]);
      }
    }
  }
  return null;
}

/**
 * JSON bodies only, and only valid UTF-8: bytes that are not UTF-8 are refused with a 400 rather
 * than silently replaced, which would change the writer's text. Keys that could pollute
 * prototypes (`__proto__`, `constructor.prototype`) are refused too, and so is a NUL character
 * in any string.
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
    void parseJson(request, text, (err, body) => {
      if (err) return done(err, undefined);
      const at = nulCharacterAt(body);
      if (at === null) return done(null, body);
      const where = at === '' ? 'The request body' : at;
      done(
        new HttpError(400, `${where}: must not contain a NUL character (U+0000)`, {
          ...(at === '' ? {} : { path: at }),
        }),
        undefined,
      );
    });
  });
}
