import { reportProblem, showToast, useAppState } from '../app/app-state';
import { deleteMoment, editMoment, restoreMoment } from '../storage/moments';
import type { Moment, MomentChanges } from '../storage/records';

/** Edit and delete-with-undo for moments, reporting failures to the writer. */
export function useMomentActions() {
  const state = useAppState();
  const now = (): string => new Date().toISOString();

  async function edit(moment: Moment, changes: MomentChanges): Promise<boolean> {
    try {
      await editMoment(moment.id, changes, now());
      return true;
    } catch (err) {
      reportProblem(state, err);
      return false;
    }
  }

  async function remove(moment: Moment): Promise<void> {
    try {
      await deleteMoment(moment.id, now());
    } catch (err) {
      reportProblem(state, err);
      return;
    }
    showToast(state, {
      message: 'Moment deleted.',
      action: {
        label: 'Undo',
        run: () => {
          restoreMoment(moment.id, now()).then(
            () => showToast(state, { message: 'Moment restored.' }),
            (err: unknown) => reportProblem(state, err),
          );
        },
      },
    });
  }

  return { edit, remove };
}
