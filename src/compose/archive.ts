import { marked, type Token, type Tokens } from 'marked';
import type { Draft } from '../storage/records';
import { toUtcNoon } from '../week/calendar-date';
import { isWebAddress, shortDate } from './published';
import { dateFormat } from '../text/dates';

/** One weeknote as the archive lists it. */
export interface ArchiveEntry {
  draft: Draft;
  /** "Week beginning 30 November". */
  week: string;
  /** "Draft" or "Published 4 December". */
  status: string;
  excerpt: string;
  /** The live post, when it is a web address. */
  postUrl: string | null;
}

/** A month of the archive, newest first. */
export interface ArchiveMonth {
  /** yyyy-MM, for ids. */
  key: string;
  /** "December 2026". */
  label: string;
  entries: ArchiveEntry[];
}

const EXCERPT_CHARS = 160;
const WEEK_LINE = /^week (beginning|starting|commencing)\b/i;
const SKIPPED = new Set(['heading', 'hr', 'html', 'code', 'space', 'table', 'def', 'image']);
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  '#39': "'",
};

function words(tokens: Token[]): string {
  return tokens
    .map((t) => {
      if (SKIPPED.has(t.type) || t.type === 'checkbox') return ' ';
      if (t.type === 'br') return ' ';
      if (t.type === 'list') return (t as Tokens.List).items.map((i) => words(i.tokens)).join(' ');
      if ('tokens' in t && t.tokens) return words(t.tokens);
      return 'text' in t ? String(t.text) : '';
    })
    .join('');
}

/**
 * The opening of a weeknote's prose, as plain text of about 160 characters: Markdown and HTML
 * stripped, headings and the "Week beginning …" line left out, cut at a word.
 */
export function excerpt(body: string, max = EXCERPT_CHARS): string {
  const blocks = marked.lexer(body, { gfm: true }).filter((t) => {
    if (SKIPPED.has(t.type)) return false;
    return !(t.type === 'paragraph' && WEEK_LINE.test((t as Tokens.Paragraph).text.trim()));
  });
  const text = blocks
    .map((b) => words([b]))
    .join(' ')
    .replace(/&(#39|[a-z]+);/g, (whole, name: string) => ENTITIES[name] ?? whole)
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1);
  const atWord = cut
    .slice(0, Math.max(cut.lastIndexOf(' '), max * 0.6))
    .replace(/[\s,;:.–—-]+$/, '');
  return `${atWord}…`;
}

/** The yyyy-MM-dd `days` after `date`. */
function addDays(date: string, days: number): string {
  const d = toUtcNoon(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The day a weeknote is filed under: the day it was published, or for a draft (or a post with no
 * date) the last day of its week. So a note for the week beginning 30 November published on
 * 4 December is in December, and so is its draft, whose week ends on 6 December.
 */
export function filedOn(draft: Draft): string {
  return draft.status === 'published' && draft.publishedOn
    ? draft.publishedOn
    : addDays(draft.weekStart, 6);
}

const monthFormat = dateFormat({
  timeZone: 'UTC',
  month: 'long',
  year: 'numeric',
});

/** Weeknotes by the month they are filed under (see filedOn), newest first. */
export function archiveMonths(drafts: Draft[], today: string): ArchiveMonth[] {
  const sorted = drafts
    .map((draft) => ({ draft, on: filedOn(draft) }))
    .sort((a, b) =>
      a.on === b.on ? b.draft.weekStart.localeCompare(a.draft.weekStart) : b.on.localeCompare(a.on),
    );
  const months: ArchiveMonth[] = [];
  for (const { draft, on } of sorted) {
    const key = on.slice(0, 7);
    let month = months[months.length - 1];
    if (month?.key !== key) {
      month = { key, label: monthFormat.format(toUtcNoon(on)), entries: [] };
      months.push(month);
    }
    const published = draft.status === 'published';
    month.entries.push({
      draft,
      week: `Week beginning ${shortDate(draft.weekStart, today)}`,
      status: published
        ? draft.publishedOn
          ? `Published ${shortDate(draft.publishedOn, today)}`
          : 'Published'
        : 'Draft',
      excerpt: excerpt(draft.body),
      postUrl:
        published && draft.publishedUrl && isWebAddress(draft.publishedUrl)
          ? draft.publishedUrl
          : null,
    });
  }
  return months;
}
