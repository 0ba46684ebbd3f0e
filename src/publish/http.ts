import { hostOf, PublishError } from './errors';

/** How long a blog may take to answer one request before we give up on that attempt. */
export const BLOG_TIMEOUT_MS = 20_000;

/** `fetch`, as the publish code uses it (tests may pass their own). */
export type Fetch = typeof fetch;

/** The browser's fetch, looked up when called (so a test's stand-in is seen). */
export const browserFetch: Fetch = (input, init) => fetch(input, init);

/**
 * One request to the writer's blog. Never follows a redirect silently to another origin's
 * login page: the answer is read as it is. A network failure or a timeout becomes a
 * PublishError worth retrying; any HTTP answer is returned for the caller to read.
 */
export async function blogRequest(
  doFetch: Fetch,
  url: string,
  init: RequestInit,
  timeoutMs = BLOG_TIMEOUT_MS,
): Promise<Response> {
  try {
    return await doFetch(url, {
      ...init,
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    if ((err as { name?: unknown } | null)?.name === 'TimeoutError') {
      throw new PublishError(
        'timeout',
        `${hostOf(url)} did not answer within ${Math.round(timeoutMs / 1000)} seconds..`,
        true,
      );
    }
    if (typeof navigator !== 'undefined' && navigator.onLine === false) {
      throw new PublishError(
        'offline',
        'This device is offline. It will be sent when you are back online.',
        true,
      );
    }
    throw new PublishError(
      'unreachable',
      `Could not reach ${hostOf(url)}. Check the address and your connection; if both are right, the site may not let apps connect to it (CORS).`,
      true,
    );
  }
}

/** The body of an answer as JSON, or undefined if it is not JSON. */
export async function jsonOf(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The `code` of a WordPress-style error body (`{ code, message }`), if any. */
export function errorCode(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const code =
    (body as { code?: unknown; error?: unknown }).code ?? (body as { error?: unknown }).error;
  return typeof code === 'string' ? code : undefined;
}

/** Basic authentication for a user name and password (UTF-8 safe). */
export function basicAuth(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Basic ${btoa(binary)}`;
}
