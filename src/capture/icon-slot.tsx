import type { VNode } from 'preact';

let prerendering = false;

/** Build time only: the capture page is being rendered to HTML (app/prerender-capture.tsx). */
export function markPrerendering(): void {
  prerendering = true;
}

/**
 * While the capture page is prerendered, an icon is an empty box of its size, drawn when the app
 * hydrates. Inline SVG in the HTML made the first frame, and so the box's autofocus, markedly
 * later on a throttled phone (measured, ADR 0016). Null when rendering in the page.
 */
export function iconSlot(size: number, className = 'icon'): VNode | null {
  return prerendering ? (
    <span class={`${className} icon-slot`} data-size={size} aria-hidden="true" />
  ) : null;
}
