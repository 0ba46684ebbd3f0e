import { describe, expect, it } from 'vitest';
import { linkify, safeHref } from './linkify';

/** The links found in a text, as [text, href] pairs. */
function links(text: string): [string, string][] {
  return linkify(text).flatMap((r) => (r.kind === 'link' ? [[r.text, r.href]] : []));
}

describe('linkify', () => {
  it.each<[string, [string, string][]]>([
    ['See https://example.org/a for more', [['https://example.org/a', 'https://example.org/a']]],
    ['http://example.org', [['http://example.org', 'http://example.org/']]],
    ['Read https://example.org/post.', [['https://example.org/post', 'https://example.org/post']]],
    ['Is it https://example.org/?', [['https://example.org/', 'https://example.org/']]],
    ['(see https://example.org/x)', [['https://example.org/x', 'https://example.org/x']]],
    [
      'https://en.wikipedia.org/wiki/Foo_(bar), yes',
      [['https://en.wikipedia.org/wiki/Foo_(bar)', 'https://en.wikipedia.org/wiki/Foo_(bar)']],
    ],
    ['“https://example.org/q”', [['https://example.org/q', 'https://example.org/q']]],
    [
      'https://example.org/s?q=a&b=1#top!',
      [['https://example.org/s?q=a&b=1#top', 'https://example.org/s?q=a&b=1#top']],
    ],
    [
      'two: https://a.example and https://b.example/',
      [
        ['https://a.example', 'https://a.example/'],
        ['https://b.example/', 'https://b.example/'],
      ],
    ],
    ['HTTPS://EXAMPLE.ORG/Up', [['HTTPS://EXAMPLE.ORG/Up', 'https://example.org/Up']]],
    ['<https://example.org/a>', [['https://example.org/a', 'https://example.org/a']]],
    ['https://café.example/ü', [['https://café.example/ü', 'https://xn--caf-dma.example/%C3%BC']]],
    ['javascript:alert(1)', []],
    ['javascript:https://example.org', []],
    ['JaVaScRiPt:alert(document.domain)//https://x.org', []],
    ['data:text/html,<script>alert(1)</script>', []],
    ['vbscript:msgbox(1)', []],
    ['ftp://example.org/file', []],
    ['xhttps://example.org', []],
    ['https://', []],
    ['https://.', []],
    ['https://user:pw@example.org', []],
    ['mailto:sam@example.org', []],
    ['www.example.org', []],
    ['', []],
  ])('%j', (text, expected) => {
    expect(links(text)).toEqual(expected);
  });

  it.each([
    'Plain words only',
    'Lunch, then https://example.org/a?b=c. And (https://x.example/y) too!',
    'https://example.org/one\nhttps://example.org/two',
    'javascript:alert(1) and https://ok.example',
  ])('keeps every character of %j, in order', (text) => {
    expect(
      linkify(text)
        .map((r) => r.text)
        .join(''),
    ).toBe(text);
  });

  it('never makes a link whose href is not http or https', () => {
    const tricky = [
      'https://example.org/%0ajavascript:alert(1)',
      'https://example.org/"onmouseover="alert(1)',
      'https://example.org/<script>',
    ];
    for (const text of tricky) {
      for (const r of linkify(text)) {
        if (r.kind === 'link') expect(r.href).toMatch(/^https:\/\/example\.org\//);
      }
    }
    expect(links('https://example.org/"onmouseover="alert(1)')).toEqual([
      ['https://example.org/', 'https://example.org/'],
    ]);
  });
});

describe('safeHref', () => {
  it.each([
    ['https://example.org', 'https://example.org/'],
    ['http://example.org/a b', 'http://example.org/a%20b'],
    ['javascript:alert(1)', null],
    ['data:text/html,hi', null],
    ['file:///etc/passwd', null],
    ['not a url', null],
  ])('%j → %j', (input, expected) => {
    expect(safeHref(input)).toBe(expected);
  });
});
