/** A text with its search words, worked out before it is saved (see storedMoment). */
export interface TextTerms {
  text: string;
  terms: string[];
}

/** Splits text into the lower-case, accent-free words the search index holds. */
export function searchTerms(text: string): string[] {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
  return [...new Set(words)];
}
