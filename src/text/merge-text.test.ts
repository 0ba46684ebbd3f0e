import { describe, expect, it } from 'vitest';
import { mergeText, mergeValue } from './merge-text';

describe('mergeText', () => {
  const from = 'Intro\n\n## Monday\n\nMet Priya\n\n## Next week\n\n- Ship';

  it.each([
    ['neither changed', from, from, from],
    ['only mine changed', from.replace('Intro', 'Hello'), from, from.replace('Intro', 'Hello')],
    ['only theirs changed', from, from.replace('Intro', 'Hi'), from.replace('Intro', 'Hi')],
    [
      'both made the same change',
      from.replace('Intro', 'Same'),
      from.replace('Intro', 'Same'),
      from.replace('Intro', 'Same'),
    ],
    [
      'edits to different lines',
      from.replace('Intro', 'A better intro'),
      from.replace('- Ship', '- Ship the form'),
      'A better intro\n\n## Monday\n\nMet Priya\n\n## Next week\n\n- Ship the form',
    ],
    ['a line added at each end', `Before\n${from}`, `${from}\nAfter`, `Before\n${from}\nAfter`],
  ])('merges when %s', (_, mine, theirs, merged) => {
    expect(mergeText(from, mine, theirs)).toBe(merged);
  });

  it.each([
    ['both changed the same line', 'Met Priya and Sam', 'Met Priya, briefly'],
    ['one changed a line the other removed', 'Met Priya and Sam', ''],
  ])('reports a clash when %s', (_, mine, theirs) => {
    expect(
      mergeText(from, from.replace('Met Priya', mine), from.replace('Met Priya', theirs)),
    ).toBeNull();
  });
});

describe('mergeValue', () => {
  it.each([
    ['neither changed', 1, 1, 1, 1],
    ['only mine changed', 1, 2, 1, 2],
    ['only theirs changed', 1, 1, 3, 3],
    ['both changed alike', 1, 2, 2, 2],
    ['both changed differently', 1, 2, 3, null],
  ])('%s', (_, base, mine, theirs, merged) => {
    expect(mergeValue(base, mine, theirs)).toBe(merged);
  });

  it('compares with the function given', () => {
    const same = (a: string[], b: string[]) => a.join() === b.join();
    expect(mergeValue(['a'], ['a', 'b'], ['a'], same)).toEqual(['a', 'b']);
    expect(mergeValue(['a'], ['b'], ['c'], same)).toBeNull();
  });
});
