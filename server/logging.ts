import {
  LogController,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';

/** pino's levels, quietest last; `LOG_LEVEL` picks one. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Where log lines go (standard output unless given). */
export interface LogStream {
  write: (line: string) => void;
}

/** What may name a secret wherever a header ends up in a line. */
const REDACTED = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers.authorization',
  'headers["set-cookie"]',
  'err.headers',
];

/**
 * One line per request, when it is answered: method, path, status and time. Never the query
 * string (a shared text arrives in one), a body, a header or a cookie.
 */
class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const line = { req: request, res: reply, responseTime: Math.round(reply.elapsedTime) };
    if (error) reply.log.error({ ...line, err: error }, 'request failed');
    else reply.log.info(line, 'request');
  }
}

/** The request as logged: what was asked for, never what was sent. */
function serializeRequest(req: { method?: string; url?: string; ip?: string }) {
  return {
    method: req.method,
    url: (req.url ?? '').split('?')[0],
    remoteAddress: req.ip,
  };
}

/** Fastify's logging: JSON lines through pino at `level`, cookies and credentials left out. */
export function loggerOptions(
  level: LogLevel,
  stream?: LogStream,
): Pick<FastifyServerOptions, 'logger' | 'logController'> {
  return {
    logger: {
      level,
      ...(stream ? { stream } : {}),
      serializers: {
        req: serializeRequest,
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
      redact: { paths: REDACTED, censor: '[redacted]' },
    },
    logController: new OneLinePerRequest(),
  };
}

/** The level `LOG_LEVEL` asks for (info when unset), or an error naming the choices. */
export function logLevelFrom(value: string | undefined): LogLevel {
  const level = (value ?? 'info').trim().toLowerCase();
  if ((LOG_LEVELS as readonly string[]).includes(level)) return level as LogLevel;
  throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (was "${value}")`);
}
