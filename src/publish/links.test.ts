import { describe, expect, it } from 'vitest';
import { discoverLinks, pageTitle } from './links';

describe('discoverLinks', () => {
  const base = 'https://me.example/';

  it('reads HTTP Link headers first, then the page, resolving relative addresses', () => {
    const header =
      '<https://auth.example/meta>; rel="indieauth-metadata", </micropub>; rel=micropub';
    const html = `<html><head><link rel="micropub" href="https://other.example/mp">
      <link href="/token" rel="token_endpoint"></head></html>`;
    expect(discoverLinks(base, header, html)).toEqual({
      'indieauth-metadata': 'https://auth.example/meta',
      micropub: 'https://me.example/micropub',
      token_endpoint: 'https://me.example/token',
    });
  });

  it('finds links with several rels, single quotes, and on <a> elements', () => {
    const html = `<link rel='authorization_endpoint me' href='https://a.example/auth?x=1&amp;y=2'>
      <a rel="micropub" href="mp">post</a>`;
    expect(discoverLinks('https://me.example/blog/', null, html)).toEqual({
      authorization_endpoint: 'https://a.example/auth?x=1&y=2',
      micropub: 'https://me.example/blog/mp',
    });
  });

  it('finds nothing on a page without discovery links', () => {
    expect(discoverLinks(base, null, '<p>hello</p>')).toEqual({});
    expect(discoverLinks(base, '<https://x.example/>; rel="stylesheet"', '')).toEqual({});
  });

  it('reads the page title', () => {
    expect(pageTitle('<title> Ada &amp; Co </title>')).toBe('Ada & Co');
    expect(pageTitle('<p>no title</p>')).toBeNull();
  });
});
