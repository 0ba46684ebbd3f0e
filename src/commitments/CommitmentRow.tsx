import type { Commitment, CommitmentState } from '../storage/commitment-record';
import { ageLabel } from './age';

interface Props {
  commitment: Commitment;
  /** First day of the week it is seen from, for its age. */
  weekStart: string;
  onDecide: (commitment: Commitment, state: CommitmentState) => void;
}

/** One commitment: the writer's words, where and how long ago they were said, Done and Drop. */
export function CommitmentRow({ commitment: c, weekStart, onDecide }: Props) {
  return (
    <li class="commitment">
      <p class="commitment-text">{c.text}</p>
      {c.otherText && <p class="commitment-other">Also written: {c.otherText}</p>}
      <p class="commitment-meta">
        {c.madeIn} · {ageLabel(c.weekStart, weekStart)}
      </p>
      <div class="commitment-actions">
        <button
          type="button"
          class="small"
          aria-label={`Done: ${c.text}`}
          onClick={() => onDecide(c, 'done')}
        >
          Done
        </button>
        <button
          type="button"
          class="small secondary"
          aria-label={`Drop: ${c.text}`}
          onClick={() => onDecide(c, 'dropped')}
        >
          Drop
        </button>
      </div>
    </li>
  );
}
