import { useAppState } from './app-state';

/** Problems and offers the writer must see: storage failures and a waiting update. */
export function Banners() {
  const state = useAppState();
  const problem = state.storageProblem.value;
  const accept = state.acceptUpdate.value;
  return (
    <>
      {problem && (
        <div class="banner problem" role="alert">
          <p>{problem.message}</p>
          <button
            type="button"
            class="secondary"
            onClick={() => (state.storageProblem.value = null)}
          >
            Dismiss
          </button>
        </div>
      )}
      {state.updateWaiting.value && accept && (
        <div class="banner update" role="status">
          <p>A new version of Weeknotes is ready. Anything you have typed is kept.</p>
          <button type="button" onClick={() => void accept()}>
            Reload to update
          </button>
          <button
            type="button"
            class="secondary"
            onClick={() => (state.updateWaiting.value = false)}
          >
            Later
          </button>
        </div>
      )}
    </>
  );
}
