/** Enter saves, Shift+Enter (or Enter while composing text in an IME) adds a line. */
export function isSaveKey(e: KeyboardEvent): boolean {
  return e.key === 'Enter' && !e.shiftKey && !e.isComposing;
}
