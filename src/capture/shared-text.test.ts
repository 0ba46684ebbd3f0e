import { describe, expect, it } from 'vitest';
import { sharedText, withShared } from './shared-text';

describe('sharedText', () => {
  it.each([
    [
      { title: 'Post', text: 'Worth reading', url: 'https://example.org/a' },
      'Post\nWorth reading\nhttps://example.org/a',
    ],
    [
      { text: 'Read https://example.org/a', url: 'https://example.org/a' },
      'Read https://example.org/a',
    ],
    [{ title: '  ', text: undefined, url: 'https://example.org/' }, 'https://example.org/'],
    [{}, ''],
  ])('%j', (shared, expected) => {
    expect(sharedText(shared)).toBe(expected);
  });
});

describe('withShared', () => {
  it('keeps what the writer had typed', () => {
    expect(withShared('Half a thought', 'Shared link')).toBe('Half a thought\n\nShared link');
    expect(withShared('', 'Shared link')).toBe('Shared link');
    expect(withShared('Shared link', 'Shared link')).toBe('Shared link');
  });
});
