import { hash53 } from '../compose/published';

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

/**
 * The id of the commitment an item makes in a week: the same on every device that derives it,
 * so two devices working offline make one record, never two.
 */
export function commitmentId(weekStart: string, text: string): string {
  const digest = hash53(normaliseItem(text)).toString(36).padStart(11, '0');
  return `commitment-${weekStart}-${digest}`;
}

/**
 * The id of the commitment an item makes in a week on an account with end-to-end encryption:
 * the digest is keyed (crypto/id-key.ts), so the server cannot test guesses at the item's words.
 */
export function keyedCommitmentId(weekStart: string, digest: string): string {
  return `commitment-${weekStart}-k${digest}`;
}

/** What a keyed commitment id's digest is made from. */
export const commitmentIdText = (weekStart: string, text: string): string =>
  `${weekStart}\n${normaliseItem(text)}`;
