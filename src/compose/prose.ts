import { segments, type Segment } from '../capture/parse-moment';
import { personName, tagName, type DisplayNames } from './tag-names';

// Words after which a final #tag is part of the sentence ("about the #service-centre").
const NEEDS_OBJECT = new Set(
  'a an the about with for on in at to from of our my their his her your and into by'.split(' '),
);

function trailingTagsToDrop(parts: Segment[]): number {
  let end = parts.length;
  let tags = 0;
  while (end > 0) {
    const p = parts[end - 1];
    if (p?.kind === 'tag') tags++;
    else if (!(p?.kind === 'text' && p.text.trim() === '')) break;
    end--;
  }
  if (tags !== 1) return end;
  const before = parts[end - 1];
  const lastWord = before?.kind === 'text' ? /(\p{L}+)\s+$/u.exec(before.text)?.[1] : undefined;
  return lastWord && NEEDS_OBJECT.has(lastWord.toLowerCase()) ? parts.length : end;
}

/** One line of a moment as prose, or null when the line was nothing but labels (#tags). */
function lineProse(line: string, names: DisplayNames): string | null {
  const parts = segments(line);
  const kept = parts.slice(0, trailingTagsToDrop(parts));
  const text = kept
    .map((p) => {
      if (p.kind === 'person') return personName(p.name, names);
      if (p.kind === 'tag') return tagName(p.name, names);
      return p.text;
    })
    .join('')
    .trimEnd();
  return text === '' && line.trim() !== '' ? null : text;
}

/**
 * A moment's text as it should read in a post: "@Priya" becomes "Priya", "#service-centre"
 * becomes "service centre" and "#BlueBadge" "Blue Badge" (or the writer's own name for them, from
 * `names`). Each line keeps its line break. Tags trailing at the end of a line are labels and are
 * dropped, unless a single one ends the sentence ("about the #service-centre"); a line of nothing
 * but tags goes, and blank lines between paragraphs shrink to one.
 */
export function momentProse(text: string, names: DisplayNames = {}): string {
  return text
    .split(/\r?\n/)
    .map((line) => lineProse(line, names))
    .filter((line): line is string => line !== null)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
