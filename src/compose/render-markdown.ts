import DOMPurify from 'dompurify';
import { marked } from 'marked';

const SAFE_LINK = /^(https?:|mailto:|#|\/)/i;

let hooked = false;
function addHooks(): void {
  if (hooked) return;
  hooked = true;
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      const href = node.getAttribute('href') ?? '';
      if (!SAFE_LINK.test(href.trim())) node.removeAttribute('href');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
}

/**
 * Markdown to HTML that is safe to show and to paste: rendered by marked, then sanitized by
 * DOMPurify so raw HTML, event handlers, `javascript:` links and SVG payloads can never run.
 * A single newline is a line break (`breaks`), as the writer sees it in the editor: a moment's
 * lines ("Went well: …", "Didn't: …") stay lines.
 */
export function renderMarkdown(markdown: string): string {
  addHooks();
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: true });
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'option', 'iframe'],
    FORBID_ATTR: ['style', 'srcset'],
  });
}
