import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** Answers smaller than this go as they are: compressing them saves less than it costs. */
export const COMPRESS_MIN_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** The encoding to answer in, from Accept-Encoding: Brotli, else gzip, else none. */
export function chooseEncoding(header: string | undefined): 'br' | 'gzip' | null {
  if (!header) return null;
  const accepted = new Map<string, number>();
  for (const part of header.toLowerCase().split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim());
    const q = params.find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    if (name) accepted.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const weight = (name: string) => accepted.get(name) ?? accepted.get('*') ?? 0;
  if (weight('br') > 0 && weight('br') >= weight('gzip')) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return null;
}

/**
 * Compresses large JSON answers of the sync API (pull pages, push answers carrying records),
 * with Brotli at a fast level or gzip. Only there: those answers hold the writer's own records
 * and no secret chosen by anyone else, and auth answers (codes, tokens) are never compressed.
 */
export function registerApiCompression(app: FastifyInstance): void {
  app.addHook(
    'onSend',
    async (request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> => {
      if (!request.url.startsWith('/api/sync/') || typeof payload !== 'string') return payload;
      void reply.header('Vary', 'Accept-Encoding');
      const encoding = chooseEncoding(request.headers['accept-encoding']);
      if (!encoding || Buffer.byteLength(payload) < COMPRESS_MIN_BYTES) return payload;
      const compressed =
        encoding === 'br'
          ? await brotli(payload, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: 5,
                [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
              },
            })
          : await gzipped(payload, { level: 6 });
      void reply.header('Content-Encoding', encoding);
      reply.removeHeader('Content-Length');
      return compressed;
    },
  );
}
