import { useEffect, useState } from 'preact/hooks';

/** How long to wait for a frame before drawing the rest anyway. */
const HIDDEN_TAB_MS = 100;

/**
 * False until a frame has been painted since `ready` became true, then true for good. A long list
 * draws what fills the first screen, and the rest once that screen is up: Preact may run an
 * effect before painting (when the component renders again first), so the frame is waited for.
 */
export function useAfterFirstPaint(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready || painted) return;
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      clearTimeout(timer);
      timer = window.setTimeout(() => setPainted(true), 0);
    });
    // A hidden tab draws no frames: the rest comes anyway, as Preact's own effects do.
    timer = window.setTimeout(() => setPainted(true), HIDDEN_TAB_MS);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [ready, painted]);
  return painted;
}
