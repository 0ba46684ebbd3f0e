/**
 * An item's words reduced to what makes it the same item: case, accents, punctuation, list
 * markers and spacing do not count ("1. Fix the *boiler*!" and "fix the boiler" are one).
 */
export function normaliseItem(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('en-GB')
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** cyrb53: a fast 53-bit string hash, the same on every device. */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * The id of the commitment an item makes in a week: the same on every device that derives it,
 * so two devices working offline make one record, never two.
 */
export function commitmentId(weekStart: string, text: string): string {
  const digest = hash53(normaliseItem(text)).toString(36).padStart(11, '0');
  return `commitment-${weekStart}-${digest}`;
}
