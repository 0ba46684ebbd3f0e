import { useEffect, useState } from 'preact/hooks';

/**
 * A value that follows `value` once it has stayed the same for `delay` ms. What the editor shows
 * beside the text (word count, preview, save state) follows the settled text: Chromium ends the
 * current undo step whenever script changes the page during typing, so showing each keystroke's
 * count would make Ctrl+Z undo one character at a time.
 */
export function useSettled<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(value, settled)) return;
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, settled, delay]);
  return settled;
}
