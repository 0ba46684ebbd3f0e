import type { Settings } from '../storage/records';
import { updateSettings } from '../storage/settings';
import { reportProblem, type AppState } from './app-state';

/** Shows the changed settings at once and saves them; a failed write is shown to the writer. */
export async function saveSettings(state: AppState, changes: Partial<Settings>): Promise<void> {
  state.settings.value = { ...state.settings.value, ...changes };
  try {
    await updateSettings(changes);
  } catch (err) {
    reportProblem(state, err);
  }
}
