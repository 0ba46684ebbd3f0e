/**
 * Text the writer is typing but has not saved yet, kept synchronously on every keystroke so a
 * reload, crash or update never loses it. localStorage is used because it is synchronous: a
 * write made during `pagehide` is certain to land, which an IndexedDB transaction is not.
 */
const PREFIX = 'weeknotes:unsaved:';

/** The unsaved text kept under a key, or '' if none. */
export function readUnsaved(key: string): string {
  try {
    return localStorage.getItem(PREFIX + key) ?? '';
  } catch {
    return '';
  }
}

/** Keeps unsaved text under a key; returns false if the browser refused to keep it. */
export function keepUnsaved(key: string, text: string): boolean {
  try {
    if (text === '') localStorage.removeItem(PREFIX + key);
    else localStorage.setItem(PREFIX + key, text);
    return true;
  } catch {
    return false;
  }
}

/** Forgets unsaved text once it has been saved for real. */
export function forgetUnsaved(key: string): void {
  keepUnsaved(key, '');
}
