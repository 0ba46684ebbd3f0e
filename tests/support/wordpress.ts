/**
 * Reading the test WordPress that scripts/with-wordpress.mjs starts, from Node, as the author the
 * app publishes as (Basic auth with the Application Password).
 */

export interface WordPressEnv {
  /** The site's origin, e.g. http://127.0.0.1:4567 (no trailing slash). */
  url: string;
  user: string;
  /** As WordPress shows it: six groups of four, with spaces. */
  appPassword: string;
}

/** A post as the author sees it (context=edit). */
export interface WordPressPost {
  id: number;
  /** title.raw: the title as stored, not rendered. */
  title: string;
  /** content.raw: the content as stored, not rendered. */
  content: string;
  status: string;
  /** Tag names, not ids. */
  tags: string[];
  link: string;
}

const VARIABLES = ['TEST_WORDPRESS_URL', 'TEST_WORDPRESS_USER', 'TEST_WORDPRESS_APP_PASSWORD'];

/** The test WordPress's address and the author's credentials; throws if they are not set. */
export function wordpressFromEnv(): WordPressEnv {
  const missing = VARIABLES.filter((name) => !process.env[name]);
  if (missing.length > 0) {
    throw new Error(
      `${missing.join(', ')} not set: these tests need a real WordPress. Run them through ` +
        'scripts/with-wordpress.mjs, e.g. node scripts/with-postgres.mjs node ' +
        'scripts/with-wordpress.mjs npx vitest run <file>',
    );
  }
  return {
    url: process.env.TEST_WORDPRESS_URL!.replace(/\/$/, ''),
    user: process.env.TEST_WORDPRESS_USER!,
    appPassword: process.env.TEST_WORDPRESS_APP_PASSWORD!,
  };
}

/** The Authorization header for the author's Application Password. */
export function basicAuth({ user, appPassword }: WordPressEnv = wordpressFromEnv()): string {
  return `Basic ${Buffer.from(`${user}:${appPassword}`).toString('base64')}`;
}

/** GET a REST route (e.g. '/wp/v2/posts?status=any') as the author, every page of it. */
async function getAll<T>(route: string): Promise<T[]> {
  const env = wordpressFromEnv();
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const url = `${env.url}/wp-json${route}${route.includes('?') ? '&' : '?'}per_page=100&page=${page}`;
    const res = await fetch(url, { headers: { Authorization: basicAuth(env) } });
    if (!res.ok)
      throw new Error(`WordPress answered ${res.status} to GET ${route}: ${await res.text()}`);
    items.push(...((await res.json()) as T[]));
    if (page >= Number(res.headers.get('X-WP-TotalPages') ?? 1)) return items;
  }
}

interface RawPost {
  id: number;
  title: { raw: string };
  content: { raw: string };
  status: string;
  tags: number[];
  link: string;
}

/** The author's posts matching `search` (WordPress's search: title and content), any status but trash. */
export async function findPosts(search: string): Promise<WordPressPost[]> {
  const posts = await getAll<RawPost>(
    `/wp/v2/posts?status=any&context=edit&search=${encodeURIComponent(search)}`,
  );
  const tagIds = [...new Set(posts.flatMap((post) => post.tags))];
  const tags =
    tagIds.length === 0
      ? []
      : await getAll<{ id: number; name: string }>(`/wp/v2/tags?include=${tagIds.join(',')}`);
  const tagName = new Map(tags.map((tag) => [tag.id, tag.name]));
  return posts.map((post) => ({
    id: post.id,
    title: post.title.raw,
    content: post.content.raw,
    status: post.status,
    tags: post.tags.map((id) => tagName.get(id) ?? `#${id}`),
    link: post.link,
  }));
}

/** How many of the author's posts (any status but trash) have exactly this title. */
export async function countPostsTitled(title: string): Promise<number> {
  return (await findPosts(title)).filter((post) => post.title === title).length;
}
