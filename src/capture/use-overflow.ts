import type { RefObject } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';

type Listener = (overflowing: boolean) => void;
const listeners = new Map<Element, Listener>();
let observer: ResizeObserver | null = null;

/**
 * One observer for every clamped element on the page. Its callback reads every size before any
 * listener changes state: with an observer (and a re-render) per element, each read after the
 * first would lay the page out again, once per moment in a long list.
 */
function watch(el: Element, listener: Listener): () => void {
  observer ??= new ResizeObserver((entries) => {
    const found = entries.map(({ target }) => ({
      target,
      overflowing: target.scrollHeight > target.clientHeight + 1,
    }));
    for (const { target, overflowing } of found) listeners.get(target)?.(overflowing);
  });
  listeners.set(el, listener);
  observer.observe(el);
  return () => {
    listeners.delete(el);
    observer?.unobserve(el);
  };
}

/**
 * Whether a clamped element hides some of its content, checked whenever it resizes. The first
 * check is the observer's own, after the frame's layout and before its paint, so a long list
 * is laid out once, not once per element.
 */
export function useOverflow(
  ref: RefObject<HTMLElement | null>,
  clamped: boolean,
  content: string,
): boolean {
  const [overflowing, setOverflowing] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !clamped) return setOverflowing(false);
    return watch(el, setOverflowing);
  }, [ref, clamped, content]);
  return overflowing;
}
