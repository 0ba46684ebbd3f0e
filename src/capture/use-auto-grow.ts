import type { RefObject } from 'preact';
import { useLayoutEffect } from 'preact/hooks';

// Browsers with `field-sizing: content` grow the box in CSS; the others are measured here.
const GROWS_IN_CSS = typeof CSS !== 'undefined' && CSS.supports('field-sizing', 'content');

/** Keeps a textarea as tall as its text (up to its CSS max-height), so nothing scrolls inside it. */
export function useAutoGrow(ref: RefObject<HTMLTextAreaElement | null>, value: string): void {
  useLayoutEffect(() => {
    const el = ref.current;
    if (GROWS_IN_CSS || !el) return;
    el.style.height = 'auto';
    const borders = el.offsetHeight - el.clientHeight;
    el.style.height = `${el.scrollHeight + borders}px`;
  }, [ref, value]);
}
