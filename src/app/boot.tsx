import { hydrate, render } from 'preact';
import { database } from '../storage/db';
import { App } from './App';

/** Takes over the capture screen already in the page, keeping its elements (ADR 0016). */
export function hydrateApp(root: HTMLElement): void {
  hydrate(<App />, root);
}

/** Renders any other screen, opening IndexedDB alongside its code. */
export function renderApp(root: HTMLElement): void {
  void database();
  render(<App />, root);
}
