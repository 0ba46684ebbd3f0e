import { formatNumber } from '../text/numbers';
import type { YearlyTarget } from '../storage/records';

/** Kilometres in a mile. */
export const KM_PER_MILE = 1.609344;
/** The most one moment may add, in the target's unit: more is a slip of the thumb. */
export const MAX_MOMENT_AMOUNT = 1_000_000;

/** What a moment's text adds to a target. */
export type TargetAmount =
  /** It does not mention the target, or names no amount: nothing to say. */
  | { kind: 'none' }
  /** `amount` in the target's unit; `said` is the text it came from ("5 km"). */
  | { kind: 'counted'; amount: number; said: string }
  /** It mentions the target but its amount cannot be counted, and why. */
  | { kind: 'refused'; reason: string };

const DISTANCE: Record<string, 'mi' | 'km'> = {
  mi: 'mi',
  mile: 'mi',
  miles: 'mi',
  km: 'km',
  k: 'km',
  kms: 'km',
  kilometre: 'km',
  kilometres: 'km',
  kilometer: 'km',
  kilometers: 'km',
};

/** A distance unit, or null if not one. */
function distance(unit: string): 'mi' | 'km' | null {
  return DISTANCE[unit.toLowerCase()] ?? null;
}

/** The factor that turns `unit` into the target's unit, or null if the target does not count it. */
function factor(unit: string, target: string): number | null {
  const from = distance(unit);
  const to = distance(target);
  if (from && to) return from === to ? 1 : from === 'mi' ? KM_PER_MILE : 1 / KM_PER_MILE;
  const a = unit.toLowerCase();
  const b = target.toLowerCase();
  // Other units count only as themselves, singular or plural: "step", "steps".
  return a === b || `${a}s` === b || a === `${b}s` ? 1 : null;
}

// A number (5, 5.5, 5,000, 1,500.25) not inside a word, maybe a minus sign, and the word after it.
const AMOUNT =
  /(^|[^\p{L}\p{N}.,])(-|−)?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?:\s*(\p{L}+))?(?![\p{L}\p{N}])/gu;

/** Whether a moment's text mentions the target: one of its #tags or words. */
export function mentionsTarget(text: string, target: YearlyTarget): boolean {
  const lower = text.toLowerCase();
  return target.counts.some((c) => {
    const word = c.toLowerCase().replace(/^#/, '');
    const marker = c.startsWith('#') ? '#' : '#?';
    const escaped = word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    return new RegExp(`(^|[^\\p{L}\\p{N}_#-])${marker}${escaped}(?![\\p{L}\\p{N}_-])`, 'u').test(
      lower,
    );
  });
}

/** "1,500 miles", with the en-GB digits. */
export function formatAmount(amount: number, unit: string): string {
  return `${formatNumber(amount)} ${unit}`;
}

/**
 * What a moment's text adds to a target, if it mentions the target (a #tag or word it counts).
 *
 * The rules, kept simple so the writer can predict them:
 * - the amount is the first number followed by a unit the target counts ("ran 5 miles in 40
 *   minutes" is 5 miles); miles and kilometres convert into each other, other units count only
 *   as themselves ("5,000 steps");
 * - a unit is required: "ran 5" is refused and says so, because a bare number is as often a
 *   time, a count of people or a day of the month;
 * - otherwise the first number with a unit the target does not count is refused ("5 parsecs");
 * - negative and zero amounts, and more than 1,000,000 in one moment, are refused.
 */
export function targetAmount(text: string, target: YearlyTarget): TargetAmount {
  if (!mentionsTarget(text, target)) return { kind: 'none' };
  let unknown: string | null = null;
  let bare: string | null = null;
  for (const m of text.matchAll(AMOUNT)) {
    const [, , minus, digits = '', unit] = m;
    const said = `${minus ?? ''}${digits}${unit ? ` ${unit}` : ''}`;
    if (!unit) {
      bare ??= said;
      continue;
    }
    const f = factor(unit, target.unit);
    if (f === null) {
      unknown ??= said;
      continue;
    }
    const value = Number(digits.replace(/,/g, ''));
    if (minus)
      return { kind: 'refused', reason: `A target counts only amounts above 0, not ${said}.` };
    if (value === 0) return { kind: 'refused', reason: `${said} adds nothing to the target.` };
    const amount = value * f;
    if (amount > MAX_MOMENT_AMOUNT)
      return {
        kind: 'refused',
        reason: `${said} is more than one moment can add (${formatAmount(MAX_MOMENT_AMOUNT, target.unit)}).`,
      };
    return { kind: 'counted', amount, said };
  }
  if (unknown) return { kind: 'refused', reason: `‘${unknown}’ is not a unit this target counts.` };
  if (bare)
    return {
      kind: 'refused',
      reason: `${bare} what? Add the unit, e.g. ‘${bare} ${target.unit}’.`,
    };
  return { kind: 'none' };
}

/** Everything moments added to a target: the sum in the target's unit. */
export function targetTotal(texts: string[], target: YearlyTarget): number {
  let total = 0;
  for (const text of texts) {
    const a = targetAmount(text, target);
    if (a.kind === 'counted') total += a.amount;
  }
  return total;
}

/** "312 of 1,500 miles running". */
export function progressLine(total: number, target: YearlyTarget): string {
  return `${formatNumber(Math.round(total * 10) / 10)} of ${formatAmount(target.amount, target.unit)} ${target.label}`;
}
