/** A textarea's text and selection. */
export interface TextState {
  text: string;
  start: number;
  end: number;
}

/** A change to make: replace [from, to) with `insert`, then select [selStart, selEnd). */
export interface TextEdit {
  from: number;
  to: number;
  insert: string;
  selStart: number;
  selEnd: number;
}

/** The whole lines the selection touches: [from, to) without the last line's newline. */
function lineRange({ text, start, end }: TextState): { from: number; to: number } {
  const from = text.lastIndexOf('\n', start - 1) + 1;
  const stop = end > start && text[end - 1] === '\n' ? end - 1 : end;
  const next = text.indexOf('\n', stop);
  return { from, to: next === -1 ? text.length : next };
}

function mapLines(state: TextState, change: (lines: string[]) => string[]): TextEdit {
  const { from, to } = lineRange(state);
  const insert = change(state.text.slice(from, to).split('\n')).join('\n');
  return { from, to, insert, selStart: from, selEnd: from + insert.length };
}

const HEADING = /^#{1,6}\s+/;
const LIST = /^(\s*)(?:[-*+]|\d+[.)])\s+/;

/** Makes the lines a "## " heading, or plain text again if they all are headings. */
export function toggleHeading(state: TextState): TextEdit {
  return mapLines(state, (lines) => {
    const all = lines.every((l) => l.trim() === '' || /^##\s/.test(l));
    return lines.map((l) => {
      if (l.trim() === '') return l;
      return all ? l.replace(HEADING, '') : `## ${l.replace(HEADING, '')}`;
    });
  });
}

/** Makes the lines a bulleted list, or plain text again if they all are list items. */
export function toggleList(state: TextState): TextEdit {
  return mapLines(state, (lines) => {
    const all = lines.every((l) => l.trim() === '' || LIST.test(l));
    return lines.map((l) => {
      if (l.trim() === '') return l;
      return all ? l.replace(LIST, '$1') : `- ${l}`;
    });
  });
}

/** Wraps the selection in `**`, or unwraps it; with nothing selected, the word at the cursor. */
export function toggleBold({ text, start, end }: TextState): TextEdit {
  let from = start;
  let to = end;
  if (from === to) {
    while (from > 0 && /[\p{L}\p{N}'’-]/u.test(text[from - 1] ?? '')) from--;
    while (to < text.length && /[\p{L}\p{N}'’-]/u.test(text[to] ?? '')) to++;
  }
  const inner = text.slice(from, to);
  if (text.slice(from - 2, from) === '**' && text.slice(to, to + 2) === '**') {
    return { from: from - 2, to: to + 2, insert: inner, selStart: from - 2, selEnd: to - 2 };
  }
  if (/^\*\*[\s\S]*\*\*$/.test(inner) && inner.length >= 4) {
    const plain = inner.slice(2, -2);
    return { from, to, insert: plain, selStart: from, selEnd: from + plain.length };
  }
  const insert = `**${inner}**`;
  return inner === ''
    ? { from, to, insert, selStart: from + 2, selEnd: from + 2 }
    : { from, to, insert, selStart: from + 2, selEnd: from + 2 + inner.length };
}

/** Makes the selection a link, selecting the address part so the writer can paste over it. */
export function insertLink({ text, start, end }: TextState): TextEdit {
  const label = text.slice(start, end);
  if (/^https?:\/\/\S+$/.test(label)) {
    const insert = `[](${label})`;
    return { from: start, to: end, insert, selStart: start + 1, selEnd: start + 1 };
  }
  const insert = `[${label || 'link text'}](https://)`;
  const url = start + insert.length - 'https://)'.length;
  return { from: start, to: end, insert, selStart: url, selEnd: url + 'https://'.length };
}

/** A paragraph: a run of non-blank lines, as offsets into the text. */
interface Block {
  from: number;
  to: number;
}

function blocksOf(text: string): Block[] {
  const out: Block[] = [];
  const re = /[^\n]*(?:\n|$)/g;
  let current: Block | null = null;
  for (let m = re.exec(text); m && m[0] !== ''; m = re.exec(text)) {
    const line = m[0].replace(/\n$/, '');
    const lineEnd = m.index + line.length;
    if (line.trim() === '') {
      if (current) out.push(current);
      current = null;
    } else if (current) {
      current.to = lineEnd;
    } else {
      current = { from: m.index, to: lineEnd };
    }
  }
  if (current) out.push(current);
  return out;
}

/**
 * Swaps the paragraph holding the cursor with the one before (-1) or after (+1). The blank
 * lines between them stay where they are; the cursor moves with its paragraph. Null when there
 * is nothing to swap with.
 */
export function moveParagraph(state: TextState, direction: -1 | 1): TextEdit | null {
  const blocks = blocksOf(state.text);
  const at = blocks.findIndex((b) => state.start >= b.from && state.start <= b.to);
  const here = blocks[at];
  const other = blocks[at + direction];
  if (!here || !other) return null;
  const [first, second] = direction === -1 ? [other, here] : [here, other];
  const a = state.text.slice(first.from, first.to);
  const b = state.text.slice(second.from, second.to);
  const gap = state.text.slice(first.to, second.from);
  const insert = b + gap + a;
  const offset = state.start - here.from;
  const span = state.end - state.start;
  const newFrom = direction === -1 ? first.from : first.from + b.length + gap.length;
  const selStart = newFrom + offset;
  return {
    from: first.from,
    to: second.to,
    insert,
    selStart,
    selEnd: Math.min(selStart + span, newFrom + (here.to - here.from)),
  };
}
