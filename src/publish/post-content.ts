import { segments } from '../capture/parse-moment';
import { textFingerprint } from '../compose/published';
import { renderMarkdown } from '../compose/render-markdown';
import { tagName, type DisplayNames } from '../compose/tag-names';
import type { Draft, Moment } from '../storage/records';

/** A weeknote as a blog takes it. */
export interface PostContent {
  title: string;
  /** The body rendered by the preview's renderer (marked + DOMPurify), then the marker. */
  html: string;
  /** Tag names as they read in the post ("Blue Badge"), "weeknotes" first. */
  tags: string[];
  /** Fingerprint of the title and body sent, kept on the draft to notice later edits. */
  hash: string;
  /** The job's marker, hidden in `html`. */
  marker: string;
}

/** What a blog answered for a post it made or changed. */
export interface SentPost {
  remoteId: string;
  url: string;
  /** How the post stands on the blog now, when it said. */
  status?: 'draft' | 'publish';
}

/**
 * The marker hidden in a post, so a post made by an attempt whose answer was lost can be found
 * again instead of being made twice. An HTML comment: readers never see it.
 */
export const markerComment = (marker: string): string => `<!-- weeknotes:${marker} -->`;

/**
 * The #tags of the draft's public moments as the writer typed them ("BlueBadge", not the stored
 * "bluebadge"), so they read in the post as they do in the draft ("Blue Badge").
 */
function typedTags(draft: Pick<Draft, 'momentIds'>, moments: Moment[]): string[] {
  const ids = new Set(draft.momentIds);
  const seen = new Map<string, string>();
  for (const m of moments) {
    if (!ids.has(m.id) || m.private || m.deletedAt) continue;
    for (const s of segments(m.text)) {
      if (s.kind === 'tag' && !seen.has(s.name.toLowerCase()))
        seen.set(s.name.toLowerCase(), s.name);
    }
  }
  return [...seen.values()];
}

/** The post for a draft: its title, its body as the preview shows it, and its tags. */
export function postContent(
  draft: Pick<Draft, 'title' | 'body' | 'momentIds'>,
  moments: Moment[],
  names: DisplayNames,
  marker: string,
): PostContent {
  const tags = ['weeknotes', ...typedTags(draft, moments).map((t) => tagName(t, names))];
  return {
    title: draft.title.trim() || 'Weeknote',
    html: `${renderMarkdown(draft.body)}\n${markerComment(marker)}`,
    tags: [...new Set(tags)],
    hash: textFingerprint(draft.title, draft.body),
    marker,
  };
}
