import type { RefObject } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';

/** Whether a clamped element hides some of its content, checked again whenever it resizes. */
export function useOverflow(
  ref: RefObject<HTMLElement | null>,
  clamped: boolean,
  content: string,
): boolean {
  const [overflowing, setOverflowing] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !clamped) return setOverflowing(false);
    const check = (): void => setOverflowing(el.scrollHeight > el.clientHeight + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, clamped, content]);
  return overflowing;
}
