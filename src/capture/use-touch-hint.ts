import { useEffect, useState } from 'preact/hooks';

/**
 * Whether the writer has pressed Shift or Tab since the page opened. The hint under the capture
 * box is worded for touch or for keys by a media query (no hover, coarse pointer), so it is right
 * in the page's HTML before any script runs; a phone or tablet with a keyboard attached still
 * says "hover: none", so a Shift or Tab switches to the keyboard wording for as long as the page
 * is open.
 */
export function useKeyboardSeen(): boolean {
  // Seen already if a key was pressed before the app took over the page (early-input.ts).
  const [keyboard, setKeyboard] = useState(
    () => typeof document !== 'undefined' && !!document.querySelector('[data-keyboard]'),
  );
  useEffect(() => {
    if (keyboard) return;
    const key = (e: KeyboardEvent): void => {
      if (e.key === 'Shift' || e.key === 'Tab') setKeyboard(true);
    };
    document.addEventListener('keydown', key);
    return () => document.removeEventListener('keydown', key);
  }, [keyboard]);
  return keyboard;
}
