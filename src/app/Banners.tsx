import { useAppState } from './app-state';
import { downloadFile } from './download';

/** The text a failed write held, as a plain text file named for the moment it was kept. */
function downloadUnsaved(text: string): void {
  const stamp = new Date().toISOString().slice(0, 16).replace(':', '');
  downloadFile(`weeknotes-unsaved-${stamp}.txt`, text, 'text/plain;charset=utf-8');
}

/** Problems and offers the writer must see: storage failures and a waiting update. */
export function Banners() {
  const state = useAppState();
  const problem = state.storageProblem.value;
  const accept = state.acceptUpdate.value;
  const unsaved = state.unsavedText.value;
  return (
    <>
      {problem && (
        <div class="banner problem" role="alert">
          <p>{problem.message}</p>
          {unsaved && (
            <button type="button" onClick={() => downloadUnsaved(unsaved)}>
              Download the unsaved text
            </button>
          )}
          <button
            type="button"
            class="secondary"
            onClick={() => {
              state.storageProblem.value = null;
              state.unsavedText.value = null;
            }}
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
