import type { RefObject } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { GroupKey } from './shape';

/** Where a dragged card would land: a place and an index among the other cards there. */
export interface DropTarget {
  key: GroupKey;
  index: number;
}

/** The card being dragged, how far it has moved, and where it would land. */
export interface Dragging {
  id: string;
  dy: number;
  target: DropTarget | null;
}

const EDGE = 72;
const SCROLL_STEP = 14;

/**
 * The place and index under a pointer: the nearest drop group ([data-drop-group]) of the same
 * kind (next week or not), and how many of its other cards ([data-card-id]) sit above the pointer.
 */
function targetAt(root: HTMLElement, y: number, id: string, next: boolean): DropTarget | null {
  let best: HTMLElement | null = null;
  let bestDistance = Infinity;
  for (const group of root.querySelectorAll<HTMLElement>('[data-drop-group]')) {
    if ((group.dataset.dropGroup === 'next') !== next) continue;
    const r = group.getBoundingClientRect();
    const distance = y < r.top ? r.top - y : y > r.bottom ? y - r.bottom : 0;
    if (distance < bestDistance) [best, bestDistance] = [group, distance];
  }
  const key = best?.dataset.dropGroup;
  if (!best || !key) return null;
  const above = [...best.querySelectorAll<HTMLElement>('[data-card-id]')].filter((card) => {
    if (card.dataset.cardId === id) return false;
    const r = card.getBoundingClientRect();
    return r.top + r.height / 2 < y;
  });
  return { key, index: above.length };
}

/**
 * Dragging cards by their grip with pointer events, so mouse, pen and touch all work (the grip
 * has `touch-action: none`). The Move up and Move down buttons are the keyboard's way.
 */
export function useCardDrag(
  root: RefObject<HTMLElement | null>,
  onDrop: (id: string, target: DropTarget) => void,
) {
  const [dragging, setDragging] = useState<Dragging | null>(null);
  const start = useRef<{ id: string; y: number; scrollY: number; next: boolean } | null>(null);

  function locate(e: PointerEvent): Dragging | null {
    const s = start.current;
    if (!s || !root.current) return null;
    const dy = e.clientY - s.y + (window.scrollY - s.scrollY);
    return { id: s.id, dy, target: targetAt(root.current, e.clientY, s.id, s.next) };
  }

  /** The handlers for one card's grip. */
  function gripProps(id: string, next: boolean) {
    return {
      onPointerDown: (e: PointerEvent) => {
        if (e.button !== 0) return;
        e.preventDefault();
        (e.currentTarget as Element).setPointerCapture(e.pointerId);
        start.current = { id, y: e.clientY, scrollY: window.scrollY, next };
        setDragging({ id, dy: 0, target: null });
      },
      onPointerMove: (e: PointerEvent) => {
        if (!start.current) return;
        if (e.clientY < EDGE) window.scrollBy(0, -SCROLL_STEP);
        else if (e.clientY > window.innerHeight - EDGE) window.scrollBy(0, SCROLL_STEP);
        setDragging(locate(e));
      },
      onPointerUp: (e: PointerEvent) => {
        const at = locate(e);
        start.current = null;
        setDragging(null);
        if (at?.target && Math.abs(at.dy) > 4) onDrop(at.id, at.target);
      },
      onPointerCancel: () => {
        start.current = null;
        setDragging(null);
      },
    };
  }

  return { dragging, gripProps };
}
