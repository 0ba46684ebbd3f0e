import { LIST_ITEM, STARTS_NEXT_WEEK } from './next-week';

/** Where a draft's closing "Next week…" block sits, by line (end exclusive). */
export interface Closing {
  start: number;
  end: number;
  /** A list follows the lead-in ("Next week:" then "- item" lines), from this line to `end`. */
  listStart: number | null;
}

const FENCE = /^\s*(```|~~~)/;
const HEADING = /^\s{0,3}#{1,6}(\s|$)/;

/** The body's blocks (runs of non-blank lines outside code fences), with whether each is code. */
function blocksOf(lines: string[]): { start: number; end: number; code: boolean }[] {
  const out: { start: number; end: number; code: boolean }[] = [];
  let i = 0;
  while (i < lines.length) {
    if ((lines[i] ?? '').trim() === '') {
      i++;
      continue;
    }
    const start = i;
    if (FENCE.test(lines[i] ?? '')) {
      i++;
      while (i < lines.length && !FENCE.test(lines[i] ?? '')) i++;
      out.push({ start, end: Math.min(i + 1, lines.length), code: true });
      i++;
      continue;
    }
    while (i < lines.length && (lines[i] ?? '').trim() !== '' && !FENCE.test(lines[i] ?? '')) i++;
    out.push({ start, end: i, code: false });
  }
  return out;
}

/**
 * The draft's closing "Next week…" block: the last paragraph (outside code, not a heading or a
 * list item) whose first line starts "Next week", with the list that follows it when it is a
 * lead-in ("Next week:" then a list, with or without a blank line between). Null when none.
 */
export function findClosing(lines: string[]): Closing | null {
  const blocks = blocksOf(lines);
  for (let b = blocks.length - 1; b >= 0; b--) {
    const block = blocks[b];
    if (!block || block.code) continue;
    const first = (lines[block.start] ?? '').trim();
    if (!STARTS_NEXT_WEEK.test(first) || HEADING.test(first) || LIST_ITEM.test(first)) continue;
    for (let l = block.start + 1; l < block.end; l++) {
      if (LIST_ITEM.test(lines[l] ?? ''))
        return { start: block.start, end: block.end, listStart: l };
    }
    const next = blocks[b + 1];
    const leadIn = (lines[block.end - 1] ?? '').trimEnd().endsWith(':');
    if (leadIn && next && !next.code && LIST_ITEM.test(lines[next.start] ?? '')) {
      return { start: block.start, end: next.end, listStart: next.start };
    }
    return { start: block.start, end: block.end, listStart: null };
  }
  return null;
}

const ABBREVIATION = /\b(?:Mr|Mrs|Ms|Dr|St|Prof|Cllr|e\.g|i\.e|etc)\.$/i;

/** Splits prose into sentences (a capital after ". ", "! ", "? ") and clauses (after "; "). */
export function sentencesOf(text: string): string[] {
  const rough = text.split(/(?<=[.!?…]["'”’)]*)\s+(?=["“‘'(]?[\p{Lu}\p{N}])/u);
  const sentences: string[] = [];
  for (const piece of rough) {
    const last = sentences.length - 1;
    if (last >= 0 && ABBREVIATION.test(sentences[last] ?? '')) sentences[last] += ` ${piece}`;
    else sentences.push(piece);
  }
  return sentences.flatMap((s) => s.split(/;\s+/));
}

function asItem(text: string): string {
  const t = text.trim().replace(/[.,;:]+$/, '');
  return t.charAt(0).toLocaleUpperCase('en-GB') + t.slice(1);
}

/**
 * The things a closing block commits to: its list items, or else the paragraph's sentences and
 * clauses without the opening "Next week" ("Next week agree the paper; hire a designer." →
 * "Agree the paper", "Hire a designer").
 */
export function closingItems(lines: string[], closing: Closing): string[] {
  if (closing.listStart !== null) {
    return lines
      .slice(closing.listStart, closing.end)
      .map((l) => LIST_ITEM.exec(l)?.[1]?.trim() ?? '')
      .filter((t) => t !== '');
  }
  const text = lines
    .slice(closing.start, closing.end)
    .map((l) => l.trim().replace(/\\$/, ''))
    .join(' ')
    .replace(/^next week\b[\s,:;—–-]*/i, '');
  return sentencesOf(text)
    .map(asItem)
    .filter((t) => t !== '');
}
