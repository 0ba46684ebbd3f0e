// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render-markdown';

const XSS = [
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(1)">',
  '<svg><script>alert(1)</script></svg>',
  '<svg onload="alert(1)"><circle r="1"/></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click]( javascript:alert(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="&#106;avascript:alert(1)">x</a>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<body onload="alert(1)">',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<details open ontoggle="alert(1)">x</details>',
  '![x](x" onerror="alert(1))',
  '<a href="https://example.org" onclick="alert(1)">ok</a>',
];

describe('renderMarkdown', () => {
  it('renders Markdown: headings, lists, links, emphasis', () => {
    const html = renderMarkdown(
      '## Next week\n\n1. Ship *it*\n2. [Read](https://example.org/post)\n',
    );
    expect(html).toContain('<h2>Next week</h2>');
    expect(html).toContain('<ol>');
    expect(html).toContain('<em>it</em>');
    expect(html).toContain('<a href="https://example.org/post" rel="noopener noreferrer">Read</a>');
  });

  it('keeps a single newline as a line break, and a blank line as a new paragraph', () => {
    const html = renderMarkdown('Retro\nWent well: the demo\nAction: book a room\n\nNext.');
    expect(html).toBe('<p>Retro<br>Went well: the demo<br>Action: book a room</p>\n<p>Next.</p>\n');
  });

  it.each(XSS)('neutralises %s, in its own paragraph and between line breaks', (payload) => {
    for (const html of [
      renderMarkdown(`Before\n\n${payload}\n\nAfter`),
      renderMarkdown(`Before\n${payload}\nAfter`),
    ]) {
      const doc = new DOMParser().parseFromString(`<div>${html}</div>`, 'text/html');
      expect(
        doc.querySelectorAll('script, iframe, object, embed, form, style, button'),
      ).toHaveLength(0);
      for (const el of doc.querySelectorAll('*')) {
        for (const attr of el.attributes) {
          expect(attr.name, `${el.tagName} ${attr.name}`).not.toMatch(/^on|^style$/i);
          expect(attr.value, `${el.tagName} ${attr.name}`).not.toMatch(
            /^\s*(javascript|data|vbscript):/i,
          );
        }
      }
      expect(html).toContain('After');
    }
  });
});
