import type { TextEdit, TextState } from './editor-commands';

/** The textarea's text and selection, for an editor command. */
export function textState(box: HTMLTextAreaElement): TextState {
  return { text: box.value, start: box.selectionStart, end: box.selectionEnd };
}

/**
 * Makes an edit the way typing would, so the browser's own undo takes it back in one step.
 * `execCommand('insertText')` is the one way to change a textarea that joins its undo history;
 * where a browser refuses it, the text is changed directly and an input event tells the app.
 */
export function applyEdit(box: HTMLTextAreaElement, edit: TextEdit): void {
  box.focus();
  box.setSelectionRange(edit.from, edit.to);
  const done =
    edit.insert === ''
      ? document.execCommand('delete')
      : document.execCommand('insertText', false, edit.insert);
  if (!done || box.value.slice(edit.from, edit.from + edit.insert.length) !== edit.insert) {
    box.setRangeText(edit.insert, edit.from, edit.to, 'end');
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }
  box.setSelectionRange(edit.selStart, edit.selEnd);
}
