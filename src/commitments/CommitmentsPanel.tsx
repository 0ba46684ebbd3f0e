import { useRef } from 'preact/hooks';
import { insertBeforeNextWeek } from '../compose/markdown-sections';
import { useLive } from '../app/use-live';
import type { Commitment, CommitmentState } from '../storage/commitment-record';
import { allCommitments } from '../storage/commitments';
import { useToday } from '../week/use-today';
import { weekBefore } from './age';
import { CommitmentRow } from './CommitmentRow';
import { saidParagraph } from './said-paragraph';
import { useDecide } from './use-decide';
import { useRecordedCommitments } from './use-recorded';
import './commitments.css';

interface Props {
  /** First day of the draft's week. */
  weekStart: string;
  body: string;
  onBody: (body: string) => void;
}

/**
 * The Write screen's commitments from before last week (last week's are the checklist above),
 * each with its age, to mark done or drop; and what was done this week, to write up in the
 * writer's own words.
 */
export function CommitmentsPanel({ weekStart, body, onBody }: Props) {
  useRecordedCommitments(useToday());
  const all = useLive(allCommitments, []);
  const decide = useDecide(weekStart);
  const heading = useRef<HTMLHeadingElement>(null);
  const lastWeek = weekBefore(weekStart);
  const older = (all ?? []).filter((c) => c.state === 'open' && c.weekStart < lastWeek);
  const done = (all ?? []).filter(
    (c) => c.state === 'done' && c.closedIn === weekStart && c.weekStart < weekStart,
  );
  const paragraph = saidParagraph(done, weekStart);
  if (older.length === 0 && paragraph === '') return null;

  function onDecide(c: Commitment, choice: CommitmentState): void {
    heading.current?.focus();
    void decide(c, choice);
  }

  return (
    <section class="panel commitments-panel" aria-labelledby="commitments-heading">
      <h2 id="commitments-heading" ref={heading} tabIndex={-1}>
        Still open from earlier weeks
      </h2>
      {older.length === 0 ? (
        <p class="commitments-none">Nothing else open.</p>
      ) : (
        <ul class="commitments">
          {older.map((c) => (
            <CommitmentRow key={c.id} commitment={c} weekStart={weekStart} onDecide={onDecide} />
          ))}
        </ul>
      )}
      {paragraph !== '' && !body.includes(paragraph) && (
        <div class="commitments-said">
          <p>
            Done this week: {done.length === 1 ? '1 commitment' : `${done.length} commitments`}.
          </p>
          <button
            type="button"
            class="small"
            onClick={() => onBody(insertBeforeNextWeek(body, paragraph))}
          >
            Insert “Last week I said…”
          </button>
        </div>
      )}
    </section>
  );
}
