import { useEffect } from 'preact/hooks';
import { useAppState } from './app-state';

const SHOWN_FOR_MS = 10_000;

/** The latest short message, such as "Moment deleted. Undo", read out politely. */
export function ToastArea() {
  const state = useAppState();
  const toast = state.toast.value;

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => {
      // Never take away a control the writer is using.
      if (!document.querySelector('.toast')?.contains(document.activeElement))
        state.toast.value = null;
    }, SHOWN_FOR_MS);
    return () => clearTimeout(timer);
  }, [toast, state]);

  return (
    <div class="toast-area" role="status">
      {toast && (
        <div class="toast">
          <span>{toast.message}</span>
          {toast.action && (
            <button
              type="button"
              onClick={() => {
                toast.action?.run();
                state.toast.value = null;
              }}
            >
              {toast.action.label}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
