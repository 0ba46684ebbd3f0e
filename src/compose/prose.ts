import { segments, type Segment } from '../capture/parse-moment';

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

/**
 * A moment's text as it should read in a post: "@Priya" becomes "Priya" and "#service-centre"
 * becomes "service centre". Tags trailing at the end are labels and are dropped, unless a single
 * one ends the sentence ("about the #service-centre").
 */
export function momentProse(text: string): string {
  const parts = segments(text);
  return parts
    .slice(0, trailingTagsToDrop(parts))
    .map((p) => {
      if (p.kind === 'person') return p.name;
      if (p.kind === 'tag') return p.name.replace(/[-_]/g, ' ');
      return p.text;
    })
    .join('')
    .trim();
}
