const FENCE = /^\s*(```|~~~)/;
const HEADING = /^\s{0,3}#{1,6}(\s|$)/;
const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s/;
const QUOTE = /^\s{0,3}>\s?/;
// Lines that start a block of their own, where a break before them would be wrong or visible.
const STARTS_BLOCK = /^\s*(?:>|(?:=+|-+|\*{3,}|_{3,})\s*$)/;
const HTML_BLOCK =
  /^\s{0,3}<(?:!--|\/?(?:address|article|aside|blockquote|details|div|dl|figure|footer|h[1-6]|header|hr|main|nav|ol|p|pre|section|table|ul|script|style)\b)/i;

/** Whether the break between two lines of a paragraph (or of a quote) is a line break. */
function breaksBetween(line: string, next: string): boolean {
  if (QUOTE.test(line) && QUOTE.test(next)) {
    return breaksBetween(line.replace(QUOTE, ''), next.replace(QUOTE, ''));
  }
  if (line.trim() === '' || next.trim() === '' || /( {2}|\\)$/.test(line)) return false;
  if (HEADING.test(line) || STARTS_BLOCK.test(line)) return false;
  return !(
    HEADING.test(next) ||
    LIST_ITEM.test(next) ||
    FENCE.test(next) ||
    STARTS_BLOCK.test(next) ||
    HTML_BLOCK.test(next)
  );
}

/**
 * Markdown with every single line break inside a paragraph written as a CommonMark hard break
 * (two trailing spaces), so Jekyll, Hugo and Eleventy show a moment's lines as lines, as the
 * preview does (`breaks`). Blank lines, headings, list items, tables and code are left as they
 * are.
 */
export function hardBreaks(markdown: string): string {
  const lines = markdown.split('\n');
  let fenced = false;
  return lines
    .map((line, i) => {
      if (FENCE.test(line)) {
        fenced = !fenced;
        return line;
      }
      const next = lines[i + 1];
      if (fenced || next === undefined || !breaksBetween(line, next)) return line;
      return `${line.trimEnd()}  `;
    })
    .join('\n');
}
