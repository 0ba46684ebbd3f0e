import { describe, expect, it } from 'vitest';
import { blogAddress, sameSite } from './address';
import { PublishError } from './errors';

describe('blogAddress', () => {
  it.each([
    ['example.blog', 'https://example.blog'],
    ['https://example.blog/', 'https://example.blog'],
    ['  HTTPS://Example.Blog/notes/  ', 'https://example.blog/notes'],
    ['http://127.0.0.1:8080/', 'http://127.0.0.1:8080'],
    ['http://localhost:8080/wp', 'http://localhost:8080/wp'],
  ])('%s → %s', (input, expected) => {
    expect(blogAddress(input)).toBe(expected);
  });

  it.each([
    ['', 'bad-address'],
    ['not a url', 'bad-address'],
    ['ftp://example.blog', 'bad-address'],
    ['http://example.blog', 'not-https'],
    ['https://me:secret@example.blog', 'bad-address'],
    ['javascript:alert(1)', 'bad-address'],
    ['intranet', 'bad-address'],
  ])('refuses %j (%s)', (input, code) => {
    let caught: unknown;
    try {
      blogAddress(input);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(PublishError);
    expect((caught as PublishError).code).toBe(code);
  });

  it('compares blogs by their regular address', () => {
    expect(sameSite('example.blog/', 'https://EXAMPLE.blog')).toBe(true);
    expect(sameSite('example.blog', 'other.blog')).toBe(false);
  });
});
