import { describe, expect, it } from 'vitest';
import type { YearlyTarget } from '../storage/records';
import { KM_PER_MILE, progressLine, targetAmount, targetTotal } from './target-amount';

const miles: YearlyTarget = {
  id: 't1',
  label: 'running',
  amount: 1500,
  unit: 'miles',
  counts: ['#run', 'ran'],
};
const km: YearlyTarget = { ...miles, id: 't2', unit: 'km' };
const steps: YearlyTarget = {
  id: 't3',
  label: 'walking',
  amount: 3_000_000,
  unit: 'steps',
  counts: ['#walk', 'walked'],
};

describe('targetAmount', () => {
  it.each<[string, YearlyTarget, ReturnType<typeof targetAmount>]>([
    ['ran 5 miles', miles, { kind: 'counted', amount: 5, said: '5 miles' }],
    ['#run 5mi', miles, { kind: 'counted', amount: 5, said: '5 mi' }],
    ['ran 5 km', miles, { kind: 'counted', amount: 5 / KM_PER_MILE, said: '5 km' }],
    ['ran 5 km', km, { kind: 'counted', amount: 5, said: '5 km' }],
    ['#run 10 miles', km, { kind: 'counted', amount: 10 * KM_PER_MILE, said: '10 miles' }],
    ['ran 5.5 miles', miles, { kind: 'counted', amount: 5.5, said: '5.5 miles' }],
    ['Ran 1 mile with @Ron', miles, { kind: 'counted', amount: 1, said: '1 mile' }],
    ['#run a parkrun, 5k', miles, { kind: 'counted', amount: 5 / KM_PER_MILE, said: '5 k' }],
    ['at 7:30 ran 5 miles in 40 minutes', miles, { kind: 'counted', amount: 5, said: '5 miles' }],
    ['#walk 5,000 steps', steps, { kind: 'counted', amount: 5000, said: '5,000 steps' }],
    ['walked 1 step', steps, { kind: 'counted', amount: 1, said: '1 step' }],
    ['#walk 12,500 Steps', steps, { kind: 'counted', amount: 12500, said: '12,500 Steps' }],
    // A unit is required: a bare number is refused, with the way to fix it.
    ['ran 5', miles, { kind: 'refused', reason: '5 what? Add the unit, e.g. ‘5 miles’.' }],
    [
      '#walk 5,000',
      steps,
      { kind: 'refused', reason: '5,000 what? Add the unit, e.g. ‘5,000 steps’.' },
    ],
    [
      '#run 5 parsecs',
      miles,
      { kind: 'refused', reason: '‘5 parsecs’ is not a unit this target counts.' },
    ],
    [
      '#walk 5 miles',
      steps,
      { kind: 'refused', reason: '‘5 miles’ is not a unit this target counts.' },
    ],
    [
      'ran -5 miles',
      miles,
      { kind: 'refused', reason: 'A target counts only amounts above 0, not -5 miles.' },
    ],
    ['ran 0 miles', miles, { kind: 'refused', reason: '0 miles adds nothing to the target.' }],
    [
      'ran 2,000,000 miles',
      miles,
      {
        kind: 'refused',
        reason: '2,000,000 miles is more than one moment can add (1,000,000 miles).',
      },
    ],
    // Not about the target, or no number at all: nothing to say.
    ['5 miles to the office', miles, { kind: 'none' }],
    ['#running 5 miles', miles, { kind: 'none' }],
    ['#rundown of the week, 5 miles', miles, { kind: 'none' }],
    ['ran the meeting', miles, { kind: 'none' }],
    ['#run', miles, { kind: 'none' }],
    ['', miles, { kind: 'none' }],
    // A word also counts as its #tag; a #tag only as itself.
    ['#ran 3 miles', miles, { kind: 'counted', amount: 3, said: '3 miles' }],
    ['run 3 miles', miles, { kind: 'none' }],
    ['#RUN 3 MILES', miles, { kind: 'counted', amount: 3, said: '3 MILES' }],
    // Numbers inside words (v10.44, B52) are not amounts.
    ['ran v10 5 miles', miles, { kind: 'counted', amount: 5, said: '5 miles' }],
  ])('%j for %s', (text, target, expected) => {
    const got = targetAmount(text, target);
    if (got.kind === 'counted' && expected.kind === 'counted') {
      expect(got.said).toBe(expected.said);
      expect(got.amount).toBeCloseTo(expected.amount, 9);
    } else {
      expect(got).toEqual(expected);
    }
  });
});

describe('targetTotal and progressLine', () => {
  it('adds counted moments, converting units, and leaves the rest out', () => {
    const total = targetTotal(
      ['ran 5 miles', '#run 8 km', 'ran 5', '#run 3 parsecs', 'ran 1.5 miles'],
      miles,
    );
    expect(total).toBeCloseTo(6.5 + 8 / KM_PER_MILE, 9);
    expect(progressLine(total, miles)).toBe('11.5 of 1,500 miles running');
  });

  it('writes big numbers the en-GB way', () => {
    expect(progressLine(312, miles)).toBe('312 of 1,500 miles running');
    expect(progressLine(1234567, steps)).toBe('1,234,567 of 3,000,000 steps walking');
  });
});
