import { useRef } from 'preact/hooks';
import { useAppState } from '../app/app-state';
import { useLive } from '../app/use-live';
import type { Commitment, CommitmentState } from '../storage/commitment-record';
import { openCommitments } from '../storage/commitments';
import { weekContaining } from '../week/iso-week';
import { CommitmentRow } from './CommitmentRow';
import { useDecide } from './use-decide';
import { useRecordedCommitments } from './use-recorded';
import './commitments.css';

/** The capture screen's reminder: open commitments, folded away until asked for. */
export function OpenCommitments({ today }: { today: string }) {
  const state = useAppState();
  useRecordedCommitments(today);
  const open = useLive(openCommitments, []);
  const week = weekContaining(today, state.settings.value.weekStartsOn);
  const decide = useDecide(week.start);
  const summary = useRef<HTMLElement>(null);
  if (!open || open.length === 0) return null;

  function onDecide(c: Commitment, choice: CommitmentState): void {
    // The row goes once decided: focus stays in the list's place, not lost to the page.
    summary.current?.focus();
    void decide(c, choice);
  }

  return (
    <details class="open-commitments">
      <summary ref={summary}>
        {open.length === 1 ? '1 open commitment' : `${open.length} open commitments`}
      </summary>
      <ul class="commitments">
        {open.map((c) => (
          <CommitmentRow key={c.id} commitment={c} weekStart={week.start} onDecide={onDecide} />
        ))}
      </ul>
    </details>
  );
}
