import { describe, expect, it } from 'vitest';
import { parseMoment, segments } from './parse-moment';

describe('parseMoment', () => {
  it.each([
    ['Met @Priya about #service-centre', ['service-centre'], ['Priya']],
    ['#Budget and #budget again', ['budget'], []],
    ['@Sam, @sam and @SAM.', [], ['Sam']],
    ['Mail sam@council.gov.uk about page#top', [], []],
    ['Item #1 and #2026 are numbers', [], []],
    ['#q3-plan ends with a dash-', ['q3-plan'], []],
    ['(@Jo) said “#wins” matter', ['wins'], ['Jo']],
    ['@Zoë wrote about #café', ['café'], ['Zoë']],
    ["Priya's idea: @Priya's", [], ['Priya']],
    ['Trailing #tag_', ['tag'], []],
    ['', [], []],
  ])('%j', (text, tags, people) => {
    expect(parseMoment(text)).toEqual({ tags, people });
  });
});

describe('segments', () => {
  it('keeps every character of the text, in order', () => {
    const text = 'Lunch with @Sam about #hiring, then #1:1s.\nMore';
    expect(
      segments(text)
        .map((s) => s.text)
        .join(''),
    ).toBe(text);
    expect(segments(text).map((s) => s.kind)).toEqual(['text', 'person', 'text', 'tag', 'text']);
  });
});
