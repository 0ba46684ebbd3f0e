import { useId, useRef, useState } from 'preact/hooks';
import { ProgressOn } from '../commitments/ProgressOn';
import type { Moment } from '../storage/records';
import { dayLabel } from '../week/iso-week';
import { formatTime } from '../week/local-time';
import type { MomentFilter } from '../week/week-summary';
import './moments.css';
import { LockIcon, NextIcon } from './icons';
import { MomentEditor } from './MomentEditor';
import { MomentMenu } from './MomentMenu';
import { MomentText } from './MomentText';
import { useMomentActions } from './use-moment-actions';
import { useOverflow } from './use-overflow';

interface Props {
  moment: Moment;
  /** Say the day as well as the time, for lists that span weeks. */
  withDay?: boolean;
  /** Show the text as two lines, with a way to show the rest. */
  compact?: boolean;
  /** Makes #tags and @people buttons that narrow the list to their moments. */
  onFilter?: (filter: MomentFilter) => void;
}

/** Where focus goes once a moment is deleted: the next moment's menu, else the list's fallback. */
function focusAfterDelete(item: HTMLElement | null): () => void {
  const sibling = (item?.nextElementSibling ?? item?.previousElementSibling) as HTMLElement | null;
  const list = item?.closest<HTMLElement>('[data-empty-focus]');
  const fallback = list?.dataset.emptyFocus ?? 'main';
  const target = sibling?.querySelector<HTMLElement>('.menu-button');
  return () => {
    const to = target?.isConnected ? target : document.getElementById(fallback);
    to?.focus();
  };
}

/** One moment in a list: its time, flags and text, with a menu to edit or delete it. */
export function MomentItem({ moment, withDay = false, compact = false, onFilter }: Props) {
  const [editing, setEditing] = useState(false);
  const [expanded, setExpanded] = useState(false);
  const item = useRef<HTMLLIElement>(null);
  const menuButton = useRef<HTMLButtonElement>(null);
  const textRef = useRef<HTMLParagraphElement>(null);
  // The same moment can be listed twice on a screen (its day and search results): ids stay unique.
  const textId = useId();
  const actions = useMomentActions();
  const clamped = compact && !expanded;
  // While editing there is no text to watch; the text drawn after editing is a new element.
  const overflowing = useOverflow(textRef, clamped && !editing, moment.text);
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
          onDone={() => {
            setEditing(false);
            requestAnimationFrame(() => menuButton.current?.focus());
          }}
          save={(changes) => actions.edit(moment, changes)}
        />
      </li>
    );
  }

  const classes = ['moment'];
  if (moment.private) classes.push('is-private');
  if (moment.nextWeek) classes.push('is-next-week');
  return (
    <li class={classes.join(' ')} ref={item}>
      <div class="moment-head">
        <time dateTime={moment.createdAt}>{time}</time>
        {moment.nextWeek && (
          <span class="badge next-week">
            <NextIcon />
            Next week
          </span>
        )}
        {moment.private && (
          <span class="badge private">
            <LockIcon />
            Private
          </span>
        )}
        {moment.conflictOf && <span class="badge conflict-copy">Conflict copy</span>}
      </div>
      <MomentMenu
        label={`More actions for moment from ${time}`}
        buttonRef={menuButton}
        onEdit={() => setEditing(true)}
        onDelete={() => {
          const refocus = focusAfterDelete(item.current);
          void actions.remove(moment).then(() => requestAnimationFrame(refocus));
        }}
      />
      <MomentText
        id={textId}
        text={moment.text}
        onFilter={onFilter}
        clamped={clamped}
        textRef={textRef}
        onClick={(e) => {
          // Tapping the text opens it out, unless the tap was on a link or a tag.
          const target = e.target as Element;
          if (compact && !target.closest('a, button') && (overflowing || expanded))
            setExpanded(!expanded);
        }}
      />
      {moment.commitmentId && <ProgressOn commitmentId={moment.commitmentId} />}
      {compact && (overflowing || expanded) && (
        <button
          type="button"
          class="show-more"
          aria-expanded={expanded}
          aria-controls={textId}
          aria-label={`${expanded ? 'Show less' : 'Show more'} of moment from ${time}`}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? 'Show less' : 'Show more'}
        </button>
      )}
    </li>
  );
}
