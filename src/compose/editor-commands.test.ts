import { describe, expect, it } from 'vitest';
import {
  insertLink,
  moveParagraph,
  toggleBold,
  toggleHeading,
  toggleList,
  type TextEdit,
  type TextState,
} from './editor-commands';

/** Writes a state as text with [ and ] around the selection (one | for a cursor). */
function show(text: string, start: number, end: number): string {
  return start === end
    ? `${text.slice(0, start)}|${text.slice(start)}`
    : `${text.slice(0, start)}[${text.slice(start, end)}]${text.slice(end)}`;
}

function parse(marked: string): TextState {
  const cursor = marked.indexOf('|');
  if (cursor !== -1) {
    return { text: marked.replace('|', ''), start: cursor, end: cursor };
  }
  const start = marked.indexOf('[');
  const end = marked.indexOf(']') - 1;
  return { text: marked.replace('[', '').replace(']', ''), start, end };
}

function apply(marked: string, command: (s: TextState) => TextEdit | null): string | null {
  const state = parse(marked);
  const edit = command(state);
  if (!edit) return null;
  const text = state.text.slice(0, edit.from) + edit.insert + state.text.slice(edit.to);
  return show(text, edit.selStart, edit.selEnd);
}

describe('editor commands', () => {
  it.each([
    ['heading on a line', 'one\ntw|o\nthree', toggleHeading, 'one\n[## two]\nthree'],
    ['heading off again', '## tw|o', toggleHeading, '[two]'],
    ['heading replaces a deeper one', '### tw|o', toggleHeading, '[## two]'],
    ['list over two lines', '[one\ntwo]\n\nthree', toggleList, '[- one\n- two]\n\nthree'],
    ['list off again', '[- one\n- two]', toggleList, '[one\ntwo]'],
    ['list keeps blank lines', '[one\n\ntwo]', toggleList, '[- one\n\n- two]'],
    ['numbered items count as a list', '[1. one\n2. two]', toggleList, '[one\ntwo]'],
    ['bold a selection', 'a [big] day', toggleBold, 'a **[big]** day'],
    ['bold the word at the cursor', 'a bi|g day', toggleBold, 'a **[big]** day'],
    ['unbold inside the stars', 'a **[big]** day', toggleBold, 'a [big] day'],
    ['unbold a selection with stars', 'a [**big**] day', toggleBold, 'a [big] day'],
    ['bold with nothing to wrap', 'a | day', toggleBold, 'a **|** day'],
    ['link a phrase', 'see [the plan] now', insertLink, 'see [the plan]([https://]) now'],
    ['link nothing selected', 'see |', insertLink, 'see [link text]([https://])'],
    ['link an address', '[https://example.org]', insertLink, '[|](https://example.org)'],
  ])('%s', (_name, input, command, expected) => {
    expect(apply(input, command)).toBe(expected);
  });
});

describe('moving a paragraph', () => {
  const text = 'First para\nstill first\n\nSecond para\n\n\nThird para\n';
  it.each([
    [
      'second moves up',
      'Second| para',
      -1,
      'Second para\n\nFirst para\nstill first\n\n\nThird para\n',
    ],
    [
      'first moves down',
      'still| first',
      1,
      'Second para\n\nFirst para\nstill first\n\n\nThird para\n',
    ],
    [
      'third moves up, the wider gap stays',
      'Thi|rd',
      -1,
      'First para\nstill first\n\nThird para\n\n\nSecond para\n',
    ],
  ])('%s', (_name, cursorAt, direction, expected) => {
    const marker = cursorAt.replace('|', '');
    const start = text.indexOf(marker) + cursorAt.indexOf('|');
    const edit = moveParagraph({ text, start, end: start }, direction as -1 | 1);
    expect(edit).not.toBeNull();
    const out = text.slice(0, edit!.from) + edit!.insert + text.slice(edit!.to);
    expect(out).toBe(expected);
    // The cursor stays on the same words.
    expect(out.slice(edit!.selStart, edit!.selStart + 3)).toBe(text.slice(start, start + 3));
  });

  it('cannot move the first paragraph up or the last down', () => {
    expect(moveParagraph({ text, start: 0, end: 0 }, -1)).toBeNull();
    const last = text.indexOf('Third');
    expect(moveParagraph({ text, start: last, end: last }, 1)).toBeNull();
  });

  it('finds nothing to move on a blank line', () => {
    const blank = text.indexOf('\n\n') + 1;
    expect(moveParagraph({ text, start: blank, end: blank }, 1)).toBeNull();
  });
});
