import { describe, expect, it } from 'vitest';
import { countOf } from './plural';

describe('countOf', () => {
  it.each([
    [0, 'moment', undefined, '0 moments'],
    [1, 'moment', undefined, '1 moment'],
    [2, 'draft', undefined, '2 drafts'],
    [1500, 'word', undefined, '1,500 words'],
    [1, 'person', 'people', '1 person'],
    [3, 'person', 'people', '3 people'],
  ])('%i %s', (count, one, many, expected) => {
    expect(countOf(count, one, many)).toBe(expected);
  });
});
