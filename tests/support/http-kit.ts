/**
 * Small helpers shared by the test Micropub site: reading bodies, answering JSON and HTML, and
 * the CORS headers a browser needs to call a writer's site from the app's origin.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The largest body the test site reads; a bigger one is refused with 413. */
const BODY_LIMIT = 1_000_000;

/** Thrown while reading a request to answer it with an error instead. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
  ) {
    super(description);
  }
}

/** The whole request body, refused past BODY_LIMIT. */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > BODY_LIMIT) throw new HttpError(413, 'invalid_request', 'The body is too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** The media type of a request, lower case and without parameters ('' when absent). */
export function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

/** A form-encoded body (OAuth endpoints accept nothing else). */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  if (mediaType(req) !== 'application/x-www-form-urlencoded') {
    throw new HttpError(400, 'invalid_request', 'Send application/x-www-form-urlencoded');
  }
  return new URLSearchParams((await readBody(req)).toString('utf8'));
}

/** Answers with a status, optional body and headers. */
export function send(
  res: ServerResponse,
  status: number,
  body = '',
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, headers);
  res.end(body);
}

/** Answers with JSON. */
export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  send(res, status, JSON.stringify(value), {
    'Content-Type': 'application/json',
    ...headers,
  });
}

/** An OAuth-style error body ({error, error_description}), as Micropub and IndieAuth use. */
export function sendError(
  res: ServerResponse,
  status: number,
  error: string,
  description: string,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { error, error_description: description }, headers);
}

/** Answers with an HTML page. */
export function sendHtml(
  res: ServerResponse,
  status: number,
  html: string,
  headers: Record<string, string> = {},
): void {
  send(res, status, html, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
}

/** Text made safe to place in HTML text or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** A minimal HTML document. */
export function page(title: string, head: string, body: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    head,
    '</head>',
    `<body>${body}</body>`,
    '</html>',
  ].join('\n');
}

/** Headers a cross-origin caller may read besides the safelisted ones. */
const EXPOSED = 'Location, Link, WWW-Authenticate';

/**
 * CORS headers for a request that carries an Origin: the origin is echoed (any origin may call,
 * since the token rides in the Authorization header, never in a cookie).
 */
export function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  if (!origin) return {};
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Expose-Headers': EXPOSED,
    Vary: 'Origin',
  };
}

/** Answers a CORS preflight (OPTIONS): with the CORS grant when `allowed`, bare otherwise. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse, allowed: boolean): void {
  if (!allowed) return send(res, 204, '', { Allow: 'GET, HEAD' });
  send(res, 204, '', {
    Allow: 'GET, HEAD, POST, OPTIONS',
    'Access-Control-Allow-Methods': 'GET, HEAD, POST, OPTIONS',
    'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept',
    'Access-Control-Max-Age': '600',
  });
}
