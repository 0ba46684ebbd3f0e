/** A run of text: plain words, or a web address that can be opened. */
export type LinkRun = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

// An address starts at the beginning or after a character that cannot be part of a word, so
// "xhttps://" or "javascript:https://" is not one. It runs to whitespace or a character that
// never appears unescaped in a URL.
const URL_LIKE = /(^|[^\p{L}\p{N}_:/.-])(https?:\/\/[^\s<>"`{}|\\^]+)/giu;
const SENTENCE_END = new Set([...".,;:!?'’”*_~"]);
const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/** Drops closing punctuation that belongs to the sentence, keeping brackets the URL opened. */
function trimEnd(candidate: string): string {
  let url = candidate;
  for (;;) {
    const last = url.at(-1) ?? '';
    const opener = CLOSERS[last];
    // Keep a ")" whose "(" is inside the URL, as in Wikipedia's Foo_(bar).
    if (opener !== undefined && count(url, opener) >= count(url, last)) return url;
    if (opener === undefined && !SENTENCE_END.has(last)) return url;
    url = url.slice(0, -1);
  }
}

function count(text: string, ch: string): number {
  let n = 0;
  for (const c of text) if (c === ch) n++;
  return n;
}

/** The address a link may point at: only http(s) with a host, or null. */
export function safeHref(candidate: string): string | null {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
  return url.href;
}

/** Splits text into plain runs and http(s) links, keeping every character in order. */
export function linkify(text: string): LinkRun[] {
  const out: LinkRun[] = [];
  let plainFrom = 0;
  for (const m of text.matchAll(URL_LIKE)) {
    const [, before = '', raw = ''] = m;
    const at = (m.index ?? 0) + before.length;
    const url = trimEnd(raw);
    const href = safeHref(url);
    if (!href || url.length <= 'https://'.length) continue;
    if (at > plainFrom) out.push({ kind: 'text', text: text.slice(plainFrom, at) });
    out.push({ kind: 'link', text: url, href });
    plainFrom = at + url.length;
  }
  if (plainFrom < text.length) out.push({ kind: 'text', text: text.slice(plainFrom) });
  return out;
}
