import { useState } from 'preact/hooks';
import type { Moment } from '../storage/records';
import { dayLabel } from '../week/iso-week';
import { formatTime } from '../week/local-time';
import { MomentEditor } from './MomentEditor';
import { MomentText } from './MomentText';
import { useMomentActions } from './use-moment-actions';

/** One moment in a list: its time, text and flags, with edit and delete. */
export function MomentItem({ moment, withDay = false }: { moment: Moment; withDay?: boolean }) {
  const [editing, setEditing] = useState(false);
  const actions = useMomentActions();
  const clock = formatTime(moment.createdAt, moment.timeZone);
  const time = withDay
    ? `${dayLabel(moment.localDate)} ${moment.localDate.slice(0, 4)}, ${clock}`
    : clock;

  if (editing) {
    return (
      <li class="moment editing">
        <MomentEditor
          moment={moment}
          time={time}
          onDone={() => setEditing(false)}
          save={(changes) => actions.edit(moment, changes)}
        />
      </li>
    );
  }
  return (
    <li class="moment">
      <div class="moment-meta">
        <time dateTime={moment.createdAt}>{time}</time>
        {moment.nextWeek && <span class="badge">Next week</span>}
        {moment.private && <span class="badge private">Private</span>}
        {moment.conflictOf && <span class="badge conflict-copy">Conflict copy</span>}
      </div>
      <MomentText text={moment.text} />
      <div class="moment-actions">
        <button
          type="button"
          class="small"
          aria-label={`Edit moment from ${time}`}
          onClick={() => setEditing(true)}
        >
          Edit
        </button>
        <button
          type="button"
          class="small"
          aria-label={`Delete moment from ${time}`}
          onClick={() => void actions.remove(moment)}
        >
          Delete
        </button>
      </div>
    </li>
  );
}
