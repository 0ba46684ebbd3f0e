import { PublishError } from './errors';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The writer's blog address, checked and made regular: `example.blog/` → `https://example.blog`.
 * Plain http is refused except on this machine (a blog being built locally), since a credential
 * would cross the network in clear and a page served over https could not reach it anyway.
 */
export function blogAddress(input: string): string {
  const raw = input.trim();
  if (!raw) throw new PublishError('bad-address', "Enter your blog's address.");
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new PublishError(
      'bad-address',
      `"${raw}" is not a web address. It should look like https://example.blog`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new PublishError('bad-address', 'The address must start with https://');
  }
  if (url.username || url.password) {
    throw new PublishError('bad-address', 'Leave the user name and password out of the address.');
  }
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
    throw new PublishError(
      'not-https',
      'Use the https:// address of your blog: a password must never cross the network in clear.',
    );
  }
  if (!url.hostname.includes('.') && !LOOPBACK.has(url.hostname)) {
    throw new PublishError(
      'bad-address',
      `"${raw}" is not a web address. It should look like https://example.blog`,
    );
  }
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.origin}${path}`;
}

/** Whether two addresses name the same blog (ignoring a trailing slash and the scheme's case). */
export function sameSite(a: string, b: string): boolean {
  try {
    return blogAddress(a) === blogAddress(b);
  } catch {
    return false;
  }
}
