/** A run of a moment's text: plain words, a #tag or an @person. */
export type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'tag'; text: string; name: string }
  | { kind: 'person'; text: string; name: string };

// A marker counts only at the start or after a space or opening bracket or quote, so e-mail
// addresses (sam@council.gov.uk) and URL fragments (page#top) are left alone.
const MARKED = /(^|[\s([{"'“‘])([#@])([\p{L}\p{N}](?:[\p{L}\p{N}_-]*[\p{L}\p{N}])?)/gu;
const HAS_LETTER = /\p{L}/u;

/** Splits a moment's text into plain runs, #tags and @people, in order. */
export function segments(text: string): Segment[] {
  const out: Segment[] = [];
  let plainFrom = 0;
  for (const m of text.matchAll(MARKED)) {
    const [, before = '', marker, name = ''] = m;
    if (!HAS_LETTER.test(name)) continue;
    const at = (m.index ?? 0) + before.length;
    if (at > plainFrom) out.push({ kind: 'text', text: text.slice(plainFrom, at) });
    const kind = marker === '#' ? 'tag' : 'person';
    out.push({ kind, text: `${marker}${name}`, name });
    plainFrom = at + 1 + name.length;
  }
  if (plainFrom < text.length) out.push({ kind: 'text', text: text.slice(plainFrom) });
  return out;
}

function unique(names: string[], key: (n: string) => string): string[] {
  const seen = new Map<string, string>();
  for (const n of names) if (!seen.has(key(n))) seen.set(key(n), n);
  return [...seen.values()];
}

/** The #tags (lower-case) and @people (as first written) a moment mentions, without repeats. */
export function parseMoment(text: string): { tags: string[]; people: string[] } {
  const parts = segments(text);
  const tags = parts.flatMap((s) => (s.kind === 'tag' ? [s.name.toLowerCase()] : []));
  const people = parts.flatMap((s) => (s.kind === 'person' ? [s.name] : []));
  return { tags: unique(tags, (t) => t), people: unique(people, (p) => p.toLowerCase()) };
}
