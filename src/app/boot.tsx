import { hydrate, render } from 'preact';
import { App } from './App';

/** Takes over the capture screen already in the page, keeping its elements (ADR 0016). */
export function hydrateApp(root: HTMLElement): void {
  // The prerendered icons' empty boxes go; hydration draws the icons in the same task, so no
  // frame shows neither.
  for (const slot of root.querySelectorAll('.icon-slot')) slot.remove();
  hydrate(<App />, root);
}

/** Renders any other screen (main.ts has started loading its code and the database). */
export function renderApp(root: HTMLElement): void {
  render(<App />, root);
}
