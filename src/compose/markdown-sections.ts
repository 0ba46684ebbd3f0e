/** A "## Heading" in a draft, by line. */
export interface Section {
  heading: string;
  level: number;
  line: number;
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?(.*)$/;
const NEXT_WEEK = /^next week\b/i;

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

/** The "Next week" section's heading, if the draft has one. */
export function nextWeekHeading(body: string): string | null {
  return sectionsOf(body).find((s) => NEXT_WEEK.test(s.heading))?.heading ?? null;
}

/** The list items in a draft's "Next week" section, as plain text. */
export function nextWeekItems(body: string): string[] {
  const heading = nextWeekHeading(body);
  if (!heading) return [];
  const lines = body.split('\n');
  const range = sectionRange(lines, sectionsOf(body), heading);
  if (!range) return [];
  return lines
    .slice(range.start, range.end)
    .map((l) => LIST_ITEM.exec(l)?.[1]?.trim() ?? '')
    .filter((t) => t !== '');
}

/**
 * Adds a block at the end of a section (or of the draft when `heading` is null or missing),
 * keeping every other line as the writer left it. List items join the list they follow.
 */
export function insertIntoSection(body: string, heading: string | null, block: string): string {
  const lines = body.split('\n');
  const range = heading ? sectionRange(lines, sectionsOf(body), heading) : null;
  let end = range ? range.end : lines.length;
  const start = range ? range.start : 0;
  while (end > start && (lines[end - 1] ?? '').trim() === '') end--;
  const previous = end > start ? (lines[end - 1] ?? '') : '';
  const joinsList = LIST_ITEM.test(block) && LIST_ITEM.test(previous);
  const before = lines.slice(0, end);
  const after = lines.slice(end);
  const gap = before.length === 0 || joinsList ? [] : [''];
  const tail = after.length > 0 && after[0]?.trim() !== '' ? [''] : [];
  const joined = [...before, ...gap, block, ...tail, ...after].join('\n');
  return joined.endsWith('\n') || after.length > 0 ? joined : `${joined}\n`;
}

/** Adds an item to the "Next week" list, creating the section at the end if there is none. */
export function addNextWeekItem(body: string, item: string): string {
  const heading = nextWeekHeading(body);
  if (heading) return insertIntoSection(body, heading, `- ${item}`);
  return insertIntoSection(insertIntoSection(body, null, '## Next week'), 'Next week', `- ${item}`);
}

/** Removes an item from the "Next week" list, if the writer has not changed its line. */
export function removeNextWeekItem(body: string, item: string): string {
  const heading = nextWeekHeading(body);
  if (!heading) return body;
  const lines = body.split('\n');
  const range = sectionRange(lines, sectionsOf(body), heading);
  if (!range) return body;
  const at = lines.findIndex(
    (l, i) => i >= range.start && i < range.end && LIST_ITEM.exec(l)?.[1]?.trim() === item,
  );
  if (at === -1) return body;
  lines.splice(at, 1);
  return lines.join('\n');
}

/** Adds a new "## heading" section with a block, before "Next week" if the draft has one. */
export function insertNewSection(body: string, heading: string, block: string): string {
  const next = nextWeekHeading(body);
  const section = `## ${heading}\n\n${block}`;
  if (!next) return insertIntoSection(body, null, section);
  const lines = body.split('\n');
  const at = sectionsOf(body).find((s) => s.heading === next)?.line ?? lines.length;
  return [...lines.slice(0, at), ...section.split('\n'), '', ...lines.slice(at)].join('\n');
}
