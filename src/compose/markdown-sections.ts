import { closingItems, findClosing } from './closing-paragraph';
import { asSentence, LIST_ITEM } from './next-week';

/** A "## Heading" in a draft, by line. */
export interface Section {
  heading: string;
  level: number;
  line: number;
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const NEXT_WEEK = /^next week\b/i;
const NUMBERED = /^(\s*)(\d+)([.)])\s/;

/** The headings of a Markdown document, in order. */
export function sectionsOf(body: string): Section[] {
  const out: Section[] = [];
  let fenced = false;
  body.split('\n').forEach((text, line) => {
    if (/^\s*(```|~~~)/.test(text)) fenced = !fenced;
    const m = fenced ? null : HEADING.exec(text);
    if (m?.[1] && m[2] !== undefined) out.push({ heading: m[2], level: m[1].length, line });
  });
  return out;
}

function sectionRange(lines: string[], sections: Section[], heading: string) {
  const index = sections.findIndex((s) => s.heading === heading);
  const section = sections[index];
  if (!section) return null;
  const next = sections.slice(index + 1).find((s) => s.level <= section.level);
  return { start: section.line + 1, end: next ? next.line : lines.length };
}

/** The "## Next week" heading of a draft in the first shape (before closing paragraphs), if any. */
export function nextWeekHeading(body: string): string | null {
  return sectionsOf(body).find((s) => NEXT_WEEK.test(s.heading))?.heading ?? null;
}

/**
 * The things a draft said it would do next week, as plain text: the list under a "## Next week"
 * heading, or else the closing "Next week…" paragraph's list or its sentences and clauses.
 */
export function nextWeekItems(body: string): string[] {
  const lines = body.split('\n');
  const heading = nextWeekHeading(body);
  if (heading) {
    const range = sectionRange(lines, sectionsOf(body), heading);
    if (!range) return [];
    return lines
      .slice(range.start, range.end)
      .map((l) => LIST_ITEM.exec(l)?.[1]?.trim() ?? '')
      .filter((t) => t !== '');
  }
  const closing = findClosing(lines);
  return closing ? closingItems(lines, closing) : [];
}

/** Puts a block between `start` and `end` after the last non-blank line, blank lines around it. */
function insertWithin(lines: string[], start: number, end: number, block: string): string {
  let at = end;
  while (at > start && (lines[at - 1] ?? '').trim() === '') at--;
  const previous = at > start ? (lines[at - 1] ?? '') : '';
  const joinsList = LIST_ITEM.test(block) && LIST_ITEM.test(previous);
  const before = lines.slice(0, at);
  const after = lines.slice(at);
  const gap = before.length === 0 || joinsList ? [] : [''];
  const tail = after.length > 0 && after[0]?.trim() !== '' ? [''] : [];
  const joined = [...before, ...gap, block, ...tail, ...after].join('\n');
  return joined.endsWith('\n') || after.length > 0 ? joined : `${joined}\n`;
}

/**
 * Adds a block at the end of a section (or of the draft when `heading` is null or missing),
 * keeping every other line as the writer left it. List items join the list they follow. A
 * section's end stops short of the closing "Next week…" paragraph when that sits inside it.
 */
export function insertIntoSection(body: string, heading: string | null, block: string): string {
  const lines = body.split('\n');
  const range = heading ? sectionRange(lines, sectionsOf(body), heading) : null;
  if (!range) return insertWithin(lines, 0, lines.length, block);
  const closing = findClosing(lines);
  const inside = closing && closing.start >= range.start && closing.start < range.end;
  return insertWithin(lines, range.start, inside ? closing.start : range.end, block);
}

/** Adds a block just before the draft's closing "Next week" (paragraph or heading), else at the end. */
export function insertBeforeNextWeek(body: string, block: string): string {
  const lines = body.split('\n');
  const heading = nextWeekHeading(body);
  const at = heading
    ? sectionsOf(body).find((s) => s.heading === heading)?.line
    : findClosing(lines)?.start;
  if (at === undefined) return insertWithin(lines, 0, lines.length, block);
  return [...lines.slice(0, at), ...block.split('\n'), '', ...lines.slice(at)].join('\n');
}

/** Adds a new "## heading" section with a block, before "Next week" if the draft has it. */
export function insertNewSection(body: string, heading: string, block: string): string {
  return insertBeforeNextWeek(body, `## ${heading}\n\n${block}`);
}

function nextListLine(previous: string, item: string): string {
  const m = NUMBERED.exec(previous);
  return m ? `${m[1] ?? ''}${Number(m[2]) + 1}${m[3] ?? '.'} ${item}` : `- ${item}`;
}

/**
 * Adds an item to what the draft says about next week: the "## Next week" list, the closing
 * list, or the closing paragraph (as a sentence at its end). With none, a "Next week:" list is
 * added at the end.
 */
export function addNextWeekItem(body: string, item: string): string {
  const heading = nextWeekHeading(body);
  if (heading) return insertIntoSection(body, heading, `- ${item}`);
  const lines = body.split('\n');
  const closing = findClosing(lines);
  if (!closing) return insertWithin(lines, 0, lines.length, `Next week:\n\n- ${item}`);
  const last = closing.end - 1;
  const line = nextListLine(lines[last] ?? '', item);
  if (closing.listStart !== null) lines.splice(closing.end, 0, line);
  else lines[last] = `${(lines[last] ?? '').trimEnd()} ${asSentence(item)}`;
  return lines.join('\n');
}

/** Removes an item from the draft's next week list or paragraph, if the writer has not changed it. */
export function removeNextWeekItem(body: string, item: string): string {
  const lines = body.split('\n');
  const heading = nextWeekHeading(body);
  const closing = heading ? null : findClosing(lines);
  const range = heading
    ? sectionRange(lines, sectionsOf(body), heading)
    : closing && { start: closing.listStart ?? closing.start, end: closing.end };
  if (!range) return body;
  const at = lines.findIndex(
    (l, i) => i >= range.start && i < range.end && LIST_ITEM.exec(l)?.[1]?.trim() === item,
  );
  if (at !== -1) {
    lines.splice(at, 1);
    const emptied = closing && closing.end - range.start === 1;
    if (emptied && (lines[closing.start] ?? '').trim() === 'Next week:') {
      const from = closing.start > 0 && lines[closing.start - 1]?.trim() === '' ? -1 : 0;
      lines.splice(closing.start + from, closing.end - 1 - closing.start - from);
    }
    return lines.join('\n');
  }
  if (!closing || closing.listStart !== null) return body;
  const sentence = ` ${asSentence(item)}`;
  for (let i = closing.end - 1; i >= closing.start; i--) {
    const line = lines[i] ?? '';
    const found = line.lastIndexOf(sentence);
    if (found !== -1) {
      lines[i] = line.slice(0, found) + line.slice(found + sentence.length);
      return lines.join('\n');
    }
  }
  return body;
}
