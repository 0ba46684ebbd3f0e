import { withShared } from './shared-text';

/**
 * What the capture box should hold when the app takes over the box from the page's HTML: text
 * kept unsaved from last time, then whatever the writer typed before the scripts ran (the box is
 * focused and typeable from the HTML alone), then text arriving from the share sheet. Pure.
 */
export function startingText(unsaved: string, typedEarly: string, shared: string): string {
  const kept =
    unsaved === '' || typedEarly === ''
      ? unsaved || typedEarly
      : typedEarly.startsWith(unsaved)
        ? typedEarly
        : `${unsaved}\n${typedEarly}`;
  return withShared(kept, shared);
}

/** The text in the page's own capture box before the app took it over ('' if none). */
export function typedBeforeScripts(id: string): string {
  if (typeof document === 'undefined') return '';
  const box = document.getElementById(id);
  return box instanceof HTMLTextAreaElement ? box.value : '';
}
