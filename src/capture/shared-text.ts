/** What the share sheet sent: any of a title, some text and a URL. */
export interface Shared {
  title?: string | undefined;
  text?: string | undefined;
  url?: string | undefined;
}

/** The moment text to prefill from a share: title, text and URL, each once, one per line. */
export function sharedText({ title, text, url }: Shared): string {
  const parts: string[] = [];
  for (const part of [title, text, url]) {
    const p = part?.trim();
    if (p && !parts.some((existing) => existing.includes(p))) parts.push(p);
  }
  return parts.join('\n');
}

/** Adds shared text after whatever the writer already had in the box, losing neither. */
export function withShared(current: string, shared: string): string {
  if (!shared || current.includes(shared)) return current;
  return current.trim() ? `${current.trimEnd()}\n\n${shared}` : shared;
}
