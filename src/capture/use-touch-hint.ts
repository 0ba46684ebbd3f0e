import { useEffect, useState } from 'preact/hooks';

const TOUCH_ONLY = '(hover: none) and (pointer: coarse)';

/** Whether this looks like a touch screen with no keyboard: no hover, a coarse pointer. */
function touchOnly(): boolean {
  return typeof matchMedia === 'function' && matchMedia(TOUCH_ONLY).matches;
}

/**
 * Whether to word hints for a phone (tap, no keyboard shortcuts). A phone or tablet with a
 * keyboard attached still says "hover: none", so pressing Shift or Tab switches to the keyboard
 * wording for as long as the page is open.
 */
export function useTouchOnly(): boolean {
  const [touch, setTouch] = useState(touchOnly);
  const [keyboard, setKeyboard] = useState(false);
  useEffect(() => {
    const query = matchMedia(TOUCH_ONLY);
    const changed = (): void => setTouch(query.matches);
    query.addEventListener('change', changed);
    return () => query.removeEventListener('change', changed);
  }, []);
  useEffect(() => {
    if (keyboard) return;
    const key = (e: KeyboardEvent): void => {
      if (e.key === 'Shift' || e.key === 'Tab') setKeyboard(true);
    };
    document.addEventListener('keydown', key);
    return () => document.removeEventListener('keydown', key);
  }, [keyboard]);
  return touch && !keyboard;
}
