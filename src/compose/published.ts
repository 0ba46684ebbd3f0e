import type { Draft } from '../storage/records';
import { toUtcNoon } from '../week/calendar-date';
import { dateFormat } from '../text/dates';

/** cyrb53: a fast 53-bit string hash, the same on every device (not for secrets). */
export function hash53(text: string): number {
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
 * A short fingerprint of a weeknote's title and body (cyrb53, in base 36): kept on the draft when
 * it is marked published, so a later edit can be noticed without keeping a second copy of the text.
 * Trailing spaces and blank lines do not count as a change.
 */
export function textFingerprint(title: string, body: string): string {
  return hash53(JSON.stringify([title.trim(), body.trimEnd()])).toString(36);
}

/** Whether a published draft's title or body has changed since it was marked published. */
export function changedSincePublished(
  draft: Pick<Draft, 'status' | 'title' | 'body' | 'publishedHash'>,
): boolean {
  if (draft.status !== 'published' || !draft.publishedHash) return false;
  return textFingerprint(draft.title, draft.body) !== draft.publishedHash;
}

const dayMonthFormat = dateFormat({
  timeZone: 'UTC',
  day: 'numeric',
  month: 'long',
});
const fullFormat = dateFormat({
  timeZone: 'UTC',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** "4 December" in the year of `today`, "4 December 2025" in any other. */
export function shortDate(date: string, today: string): string {
  const format = date.slice(0, 4) === today.slice(0, 4) ? dayMonthFormat : fullFormat;
  return format.format(toUtcNoon(date));
}

/** Only web addresses become links: a synced or restored draft could carry `javascript:`. */
export function isWebAddress(s: string): boolean {
  return /^https?:\/\/\S+$/i.test(s);
}
