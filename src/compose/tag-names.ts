import { segments } from '../capture/parse-moment';
import type { Moment } from '../storage/records';

/** The writer's own names: `{ bluebadge: 'Blue Badge', '@sam': 'Sam Jones' }` (keys lower case). */
export type DisplayNames = Record<string, string>;

const CAPITALISED = /^\p{Lu}\p{Ll}+$/u;

/** The writer's name under a key, if they set one (never an inherited property: "#constructor"). */
function own(names: DisplayNames, key: string): string | null {
  const name = Object.hasOwn(names, key) ? names[key] : undefined;
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : null;
}

/**
 * A #tag's or @person's name as words: hyphens and underscores become spaces and camelCase is
 * split ("BlueBadge" → "Blue Badge", "HRSystem" → "HR System"). A name that starts in lower case
 * reads in lower case ("parkingPermits" → "parking permits"); "dataplatform" stays as it is, since
 * nothing says where its words are (the writer can name it in settings).
 */
export function nameAsWords(name: string): string {
  const words = name
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .split(/[\s_-]+/)
    .filter((w) => w !== '');
  const lowerStart = /^\p{Ll}/u.test(name);
  return words
    .map((w, i) => (lowerStart && i > 0 && CAPITALISED.test(w) ? w.toLocaleLowerCase('en-GB') : w))
    .join(' ');
}

/** How a #tag reads in a post: the writer's name for it, or its words. */
export function tagName(tag: string, names: DisplayNames): string {
  return own(names, tag.toLowerCase()) ?? nameAsWords(tag);
}

/** How an @person reads in a post: the writer's name for them (key `@name`), or their words. */
export function personName(person: string, names: DisplayNames): string {
  return own(names, `@${person.toLowerCase()}`) ?? nameAsWords(person);
}

/** A tag as a heading or theme name: the writer's name for it, or its words with a capital. */
export function themeName(tag: string, names: DisplayNames): string {
  const named = own(names, tag.toLowerCase());
  if (named) return named;
  const words = nameAsWords(tag);
  return words.charAt(0).toLocaleUpperCase('en-GB') + words.slice(1);
}

/** A moment's first #tag as the writer typed it ("BlueBadge"), or null when it has none. */
export function firstTag(moment: Pick<Moment, 'text' | 'tags'>): string | null {
  for (const s of segments(moment.text)) if (s.kind === 'tag') return s.name;
  return moment.tags[0] ?? null;
}
