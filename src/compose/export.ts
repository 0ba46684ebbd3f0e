import { stringify } from 'yaml';
import type { Draft, Moment } from '../storage/records';
import { hardBreaks } from './hard-breaks';
import { renderMarkdown } from './render-markdown';

/** Tags for the front matter: "weeknotes" and the tags of the public moments in the draft. */
export function draftTags(draft: Draft, moments: Moment[]): string[] {
  const ids = new Set(draft.momentIds);
  const tags = moments
    .filter((m) => ids.has(m.id) && !m.private && !m.deletedAt)
    .flatMap((m) => m.tags);
  return [...new Set(['weeknotes', ...tags])];
}

/**
 * A Markdown file with YAML front matter that Jekyll, Hugo and Eleventy all read. Single line
 * breaks become hard breaks, so the post keeps the lines the preview shows.
 */
export function markdownFile(draft: Draft, tags: string[]): string {
  const quoted = (value: unknown): string =>
    stringify(value, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' });
  // The date stays a plain YAML date (2026-11-16), which every generator reads as a date.
  const frontMatter = `${quoted({ title: draft.title })}date: ${draft.weekStart}\n${quoted({ tags })}`;
  return `---\n${frontMatter}---\n\n${hardBreaks(draft.body.trimEnd())}\n`;
}

/** "2026-11-16-weeknote-v10-47.md": the date-first name static site generators expect. */
export function markdownFileName(draft: Draft): string {
  const slug = draft.title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${draft.weekStart}-${slug || 'weeknote'}.md`;
}

/** The draft as plain Markdown, title first, for copying. */
export function plainMarkdown(draft: Draft): string {
  return `# ${draft.title}\n\n${draft.body.trimEnd()}\n`;
}

/**
 * The body as sanitized HTML for pasting into a blog editor. No title: the blog has its own
 * title field, and a heading here would print the title twice.
 */
export function draftHtml(draft: Draft): string {
  return renderMarkdown(draft.body);
}

/** The plain-text side of the blog-editor copy: the body's Markdown, which editors such as
 * WordPress's turn into blocks; the title again stays out. */
export function draftBodyText(draft: Draft): string {
  return `${draft.body.trimEnd()}\n`;
}
