import { reportProblem, showToast, useAppState } from '../app/app-state';
import type { Commitment, CommitmentState } from '../storage/commitment-record';
import { setCommitmentState } from '../storage/commitments';

const SAID: Record<CommitmentState, string> = {
  done: 'Marked done',
  dropped: 'Dropped',
  open: 'Open again',
};

/**
 * Marks a commitment done, dropped or open again in the week `weekStart`, says so in a toast
 * with Undo, and shows a failed write.
 */
export function useDecide(weekStart: string) {
  const state = useAppState();
  async function decide(c: Commitment, choice: CommitmentState): Promise<void> {
    const at = new Date().toISOString();
    try {
      await setCommitmentState(c.id, choice, weekStart, at);
    } catch (err) {
      reportProblem(state, err);
      return;
    }
    if (choice === 'open') return;
    showToast(state, {
      message: `${SAID[choice]}: ${c.text}`,
      action: {
        label: 'Undo',
        run: () =>
          void setCommitmentState(c.id, c.state, c.closedIn, new Date().toISOString()).catch(
            (err: unknown) => reportProblem(state, err),
          ),
      },
    });
  }
  return decide;
}
