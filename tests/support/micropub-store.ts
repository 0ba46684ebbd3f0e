/**
 * The test site's posts, kept in memory, with the Micropub operations on them: create, update
 * (replace, add, delete), delete, undelete, and the source and post-list queries
 * (https://www.w3.org/TR/micropub/ §3.3–3.7, and the post-status and post-list extensions).
 */
import { HttpError } from './http-kit';

/** Microformats 2 properties: every value is an array. */
export type Properties = Record<string, unknown[]>;

/** A post as the site stores it. */
export interface StoredPost {
  url: string;
  type: string[];
  properties: Properties;
  /** From the post-status property: a draft is not shown on the site. */
  status: 'published' | 'draft';
  deleted: boolean;
  /** The order it was created in, from 1. */
  number: number;
}

/** A create request, whichever syntax it came in. */
export interface CreateRequest {
  type: string[];
  properties: Properties;
  /** mp-* server commands (mp-slug …): never stored as properties. */
  commands: Properties;
}

/** An update request (§3.4), already checked for shape. */
export interface UpdateRequest {
  url: string;
  replace?: Properties;
  add?: Properties;
  delete?: string[] | Properties;
}

const notFound = () =>
  new HttpError(400, 'invalid_request', 'The post with the requested URL was not found');

/** An object whose values are all arrays, as replace/add/properties must be. */
export function isProperties(value: unknown): value is Properties {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => Array.isArray(v))
  );
}

/** Same value, compared as JSON (values may be strings or objects such as {html}). */
const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The posts of one test site. */
export class MicropubStore {
  private readonly list: StoredPost[] = [];

  constructor(
    private readonly base: string,
    private readonly now: () => number,
  ) {}

  /** Stores a new post and returns it; `published` defaults to now, as servers commonly do. */
  create(request: CreateRequest): StoredPost {
    const number = this.list.length + 1;
    const properties = structuredClone(request.properties);
    properties.published ??= [new Date(this.now()).toISOString()];
    const post: StoredPost = {
      url: `${this.base}/posts/${this.slugFor(request.commands, number)}`,
      type: [...request.type],
      properties,
      status: 'published',
      deleted: false,
      number,
    };
    post.status = statusOf(properties);
    this.list.push(post);
    return post;
  }

  /** Applies replace, then add, then delete (§3.4); an unknown or deleted URL is refused. */
  update(request: UpdateRequest): StoredPost {
    const post = this.live(request.url);
    const props = post.properties;
    for (const [name, values] of Object.entries(request.replace ?? {})) {
      props[name] = structuredClone(values);
    }
    for (const [name, values] of Object.entries(request.add ?? {})) {
      props[name] = [...(props[name] ?? []), ...structuredClone(values)];
    }
    const removal = request.delete;
    if (Array.isArray(removal)) {
      for (const name of removal) delete props[name];
    } else if (removal) {
      for (const [name, values] of Object.entries(removal)) {
        const kept = (props[name] ?? []).filter((v) => !values.some((d) => sameValue(v, d)));
        if (kept.length > 0) props[name] = kept;
        else delete props[name];
      }
    }
    post.status = statusOf(props);
    return post;
  }

  /** Marks a post deleted (§3.5). */
  delete(url: string): void {
    this.live(url).deleted = true;
  }

  /** Brings a deleted post back (§3.5). */
  undelete(url: string): void {
    const post = this.find(url);
    if (!post) throw notFound();
    post.deleted = false;
  }

  /**
   * q=source for one post (§3.7.2): all properties with the type, or only the named ones
   * (without the type) when `names` is given.
   */
  source(url: string, names: string[]): object {
    const post = this.live(url);
    if (names.length === 0) return { type: post.type, properties: post.properties };
    const picked: Properties = {};
    for (const name of names) {
      const values = post.properties[name];
      if (values) picked[name] = values;
    }
    return { properties: picked };
  }

  /** q=source without a url (the post-list extension): newest first, each with its url. */
  items(limit: number | undefined, offset: number): object {
    const newest = this.list.filter((p) => !p.deleted).reverse();
    const slice = newest.slice(offset, limit === undefined ? undefined : offset + limit);
    return {
      items: slice.map((p) => ({ type: p.type, properties: { ...p.properties, url: [p.url] } })),
    };
  }

  /** The live (not deleted) post at a URL, or a 400 invalid_request. */
  live(url: string): StoredPost {
    const post = this.find(url);
    if (!post || post.deleted) throw notFound();
    return post;
  }

  /** The post at a URL, deleted or not. */
  find(url: string): StoredPost | undefined {
    return this.list.find((p) => p.url === url);
  }

  /** Copies of every post, oldest first, for assertions. */
  all(): StoredPost[] {
    return structuredClone(this.list);
  }

  /** The mp-slug asked for, made safe and unique, or the post's number. */
  private slugFor(commands: Properties, number: number): string {
    const asked = commands['mp-slug']?.[0];
    const slug =
      typeof asked === 'string'
        ? asked
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, '-')
            .replace(/^-|-$/g, '')
        : '';
    const wanted = slug || String(number);
    let candidate = wanted;
    for (let n = 2; this.find(`${this.base}/posts/${candidate}`); n++) candidate = `${wanted}-${n}`;
    return candidate;
  }
}

/** post-status=draft makes a draft; anything else (or none) is published. */
function statusOf(properties: Properties): 'published' | 'draft' {
  return properties['post-status']?.[0] === 'draft' ? 'draft' : 'published';
}
