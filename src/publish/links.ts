/** The rels IndieAuth and Micropub discovery look for. */
export type Rel = 'indieauth-metadata' | 'authorization_endpoint' | 'token_endpoint' | 'micropub';
const RELS: Rel[] = ['indieauth-metadata', 'authorization_endpoint', 'token_endpoint', 'micropub'];

const decode = (s: string): string =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

function attribute(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? decode(m[1] ?? m[2] ?? m[3] ?? '') : null;
}

/**
 * The first address for each discovery rel, from an HTTP `Link` header and then the page's
 * `<link>` and `<a>` elements, resolved against the page's address. HTTP headers come first, as
 * the IndieAuth spec says. Pure: no DOM, so it runs anywhere.
 */
export function discoverLinks(
  base: string,
  linkHeader: string | null,
  html: string,
): Partial<Record<Rel, string>> {
  const found: Partial<Record<Rel, string>> = {};
  const add = (rels: string, href: string): void => {
    for (const rel of rels.toLowerCase().split(/\s+/)) {
      if ((RELS as string[]).includes(rel) && !found[rel as Rel]) {
        try {
          found[rel as Rel] = new URL(href, base).toString();
        } catch {
          // An address that does not parse is not an endpoint.
        }
      }
    }
  };
  for (const part of (linkHeader ?? '').split(/,(?=\s*<)/)) {
    const m = /<([^>]*)>(.*)/.exec(part.trim());
    const rel = m?.[2] ? /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(m[2]) : null;
    if (m?.[1] !== undefined && rel) add(rel[1] ?? rel[2] ?? '', m[1]);
  }
  for (const tag of html.match(/<(?:link|a)\b[^>]*>/gi) ?? []) {
    const rel = attribute(tag, 'rel');
    const href = attribute(tag, 'href');
    if (rel && href !== null) add(rel, href);
  }
  return found;
}

/** The page's `<title>`, for naming the blog. */
export function pageTitle(html: string): string | null {
  const m = /<title[^>]*>([^<]*)<\/title>/i.exec(html);
  const title = m?.[1] ? decode(m[1]).trim() : '';
  return title || null;
}
