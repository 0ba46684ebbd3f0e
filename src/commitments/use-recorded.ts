import { useEffect } from 'preact/hooks';
import { reportProblem, useAppState } from '../app/app-state';

/**
 * Keeps the past weeks' commitments once settings are read (the week start decides the weeks).
 * The deriving code loads on its own, so the capture screen's first bundle stays small.
 */
export function useRecordedCommitments(today: string): void {
  const state = useAppState();
  const loaded = state.settingsLoaded.value;
  const weekStartsOn = state.settings.value.weekStartsOn;
  useEffect(() => {
    if (!loaded) return;
    import('./record-commitments')
      .then((m) => m.recordCommitments(today, weekStartsOn, new Date()))
      .catch((err: unknown) => reportProblem(state, err));
  }, [loaded, today, weekStartsOn, state]);
}
