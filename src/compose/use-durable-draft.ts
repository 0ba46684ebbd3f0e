import { useEffect, useRef, useState } from 'preact/hooks';
import { reportProblem, useAppState } from '../app/app-state';
import { updateDraft } from '../storage/drafts';
import type { Draft } from '../storage/records';
import { forgetUnsaved, keepUnsaved, readUnsaved } from '../storage/unsaved-text';
import { mergeText, mergeValue } from '../text/merge-text';

/** How long typing may go unsaved in IndexedDB (it is in localStorage at once). */
export const SAVE_DELAY_MS = 300;

/** Where the writer's latest text stands. 'pending': kept in localStorage, IndexedDB soon. */
export type SaveState = 'saved' | 'pending' | 'saving' | 'failed';

interface Text {
  title: string;
  body: string;
}

function restore(draft: Draft): Text {
  try {
    const kept = JSON.parse(readUnsaved(`draft:${draft.id}`) || 'null') as Text | null;
    if (kept && typeof kept.title === 'string' && typeof kept.body === 'string') return kept;
  } catch {
    // A damaged copy: the stored draft is the best we have.
  }
  return { title: draft.title, body: draft.body };
}

/**
 * The draft's title and body as the writer types them. Every keystroke is kept in localStorage
 * at once, written to IndexedDB within SAVE_DELAY_MS, and flushed when the page is hidden.
 */
export function useDurableDraft(draft: Draft) {
  const state = useAppState();
  const [text, setText] = useState<Text>(() => restore(draft));
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const latest = useRef(text);
  const saved = useRef<Text>({ title: draft.title, body: draft.body });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const key = `draft:${draft.id}`;

  async function flush(): Promise<void> {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const next = latest.current;
    if (next.title === saved.current.title && next.body === saved.current.body) {
      forgetUnsaved(key);
      setSaveState((s) => (s === 'pending' ? 'saved' : s));
      return;
    }
    setSaveState('saving');
    try {
      await updateDraft(draft.id, next, new Date().toISOString());
      saved.current = next;
      if (latest.current === next) {
        forgetUnsaved(key);
        setSaveState('saved');
      }
    } catch (err) {
      setSaveState('failed');
      reportProblem(state, err, 'write', `# ${next.title}\n\n${next.body}`);
    }
  }

  function change(changes: Partial<Text>): void {
    const next = { ...latest.current, ...changes };
    latest.current = next;
    setText(next);
    keepUnsaved(key, JSON.stringify(next));
    // Shown as an attribute only: changing the page's text on each keystroke would end the
    // browser's undo step (see use-settled.ts).
    setSaveState('pending');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
  }

  // The stored draft changed under the editor (sync brought another device's edit): take it in,
  // merging with anything typed here since, and never write over it.
  useEffect(() => {
    const stored = { title: draft.title, body: draft.body };
    const was = saved.current;
    if (stored.title === was.title && stored.body === was.body) return;
    saved.current = stored;
    const mine = latest.current;
    if (mine.title === was.title && mine.body === was.body) {
      latest.current = stored;
      setText(stored);
      return;
    }
    const body = mergeText(was.body, mine.body, stored.body);
    const title = mergeValue(was.title, mine.title, stored.title);
    if (body !== null && title !== null) {
      change({ title, body });
    } else {
      const at = new Date().toISOString();
      void updateDraft(draft.id, { conflict: { ...stored, at } }, at).catch((err: unknown) =>
        reportProblem(state, err),
      );
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reacts to the stored text only
  }, [draft.title, draft.body]);

  useEffect(() => {
    // A copy restored from localStorage is newer than IndexedDB: save it.
    if (latest.current.body !== draft.body || latest.current.title !== draft.title) void flush();
    const onHide = (): void => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onPageHide = (): void => void flush();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
      void flush();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per draft
  }, [draft.id]);

  return { ...text, saveState, change };
}
