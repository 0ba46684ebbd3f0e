import { describe, expect, it } from 'vitest';
import { momentProse } from './prose';
import { countWords, readingTime } from './word-count';

describe('momentProse', () => {
  it.each([
    ['Met @Priya about the #service-centre', 'Met Priya about the service centre'],
    ['Budget review went well #budget #finance', 'Budget review went well'],
    ['#hiring panel with @Sam today', 'hiring panel with Sam today'],
    ['Email sam@council.gov.uk', 'Email sam@council.gov.uk'],
    ['Line one\nLine two #tag', 'Line one\nLine two'],
    ['#only #tags', ''],
    ['Good chat #hiring', 'Good chat'],
    ['Panel for #hiring', 'Panel for hiring'],
    ['Signs are up. #estates', 'Signs are up.'],
  ])('%j → %j', (text, prose) => {
    expect(momentProse(text)).toBe(prose);
  });
});

describe('word count', () => {
  it.each([
    ['', 0],
    ['# Title\n\nOne two three.', 4],
    ["It's a [link to the post](https://example.org/a-b-c) here", 7],
    ['- one\n- two\n\n```\ncode not counted\n```', 2],
  ])('%j has %i words', (text, words) => {
    expect(countWords(text)).toBe(words);
  });

  it('gives a reading time, rounded up', () => {
    expect(readingTime(0)).toBe('0 min read');
    expect(readingTime(1)).toBe('1 min read');
    expect(readingTime(231)).toBe('2 min read');
  });
});
