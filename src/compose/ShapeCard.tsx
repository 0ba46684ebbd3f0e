import { MomentText } from '../capture/MomentText';
import { segments } from '../capture/parse-moment';
import type { Moment } from '../storage/records';
import { toUtcNoon } from '../week/calendar-date';
import { dayLabel } from '../week/iso-week';
import { formatTime } from '../week/local-time';
import { personName, tagName, type DisplayNames } from './tag-names';
import './shape-card.css';
import { dateFormat } from '../text/dates';

const shortDay = dateFormat({
  timeZone: 'UTC',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
});

/** The first words of a moment, to name its controls: "Move up: Walked the service centre…". */
export function startOf(text: string, max = 40): string {
  const line = text.trim().split('\n')[0]?.replace(/\s+/g, ' ') ?? '';
  if (line.length <= max) return line;
  const cut = line.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '')}…`;
}

function chipsOf(text: string, names: DisplayNames) {
  const seen = new Set<string>();
  return segments(text).flatMap((s) => {
    if (s.kind === 'text' || seen.has(s.text.toLowerCase())) return [];
    seen.add(s.text.toLowerCase());
    const label = s.kind === 'tag' ? tagName(s.name, names) : personName(s.name, names);
    return [{ kind: s.kind, label, key: s.text.toLowerCase() }];
  });
}

/** A theme a card can be put in: its key and the name the writer sees. */
export interface ThemeChoice {
  key: string;
  title: string;
}

interface Props {
  moment: Moment;
  names: DisplayNames;
  leftOut: boolean;
  canUp: boolean;
  canDown: boolean;
  /** The card's place (`loose`, a theme's key or `next`) and the themes it could go in. */
  place: string;
  themes: ThemeChoice[];
  /** How far the card is being dragged, in pixels, or null. */
  dragDy: number | null;
  /** A dragged card would land just above this one. */
  dropBefore: boolean;
  grip: Record<string, (e: PointerEvent) => void>;
  onMove: (step: -1 | 1) => void;
  onLeaveOut: (out: boolean) => void;
  onTheme: (key: string) => void;
}

/** One moment while the writer shapes the week: move it, theme it, leave it out. */
export function ShapeCard(props: Props) {
  const { moment, leftOut, place, themes, dragDy } = props;
  const start = startOf(moment.text);
  const chips = chipsOf(moment.text, props.names);
  const move = (step: -1 | 1, can: boolean) => () => {
    if (can) props.onMove(step);
  };
  return (
    <li
      class={`shape-card${leftOut ? ' left-out' : ''}${dragDy !== null ? ' dragging' : ''}${
        props.dropBefore ? ' drop-before' : ''
      }`}
      data-card-id={moment.id}
      style={dragDy !== null ? { transform: `translateY(${dragDy}px)` } : undefined}
    >
      <div class="shape-card-top">
        <span class="shape-grip" aria-hidden="true" title="Drag to move" {...props.grip}>
          <svg viewBox="0 0 24 24" width="20" height="20" focusable="false">
            <path d="M9 5h.01M9 12h.01M9 19h.01M15 5h.01M15 12h.01M15 19h.01" />
          </svg>
        </span>
        <p class="shape-when">
          {leftOut && <span class="shape-out-badge">Left out</span>}{' '}
          <time dateTime={moment.createdAt} title={dayLabel(moment.localDate)}>
            {shortDay.format(toUtcNoon(moment.localDate))} ·{' '}
            {formatTime(moment.createdAt, moment.timeZone)}
          </time>
        </p>
        <button
          type="button"
          class="secondary shape-leave"
          aria-label={`${leftOut ? 'Bring back' : 'Leave out'}: ${start}`}
          onClick={() => props.onLeaveOut(!leftOut)}
        >
          {leftOut ? 'Bring back' : 'Leave out'}
        </button>
      </div>
      <MomentText text={moment.text} />
      {chips.length > 0 && (
        <ul class="shape-chips" aria-label="Tags and people, as they will read">
          {chips.map((c) => (
            <li key={c.key} class={`shape-chip ${c.kind}`}>
              {c.label}
            </li>
          ))}
        </ul>
      )}
      <div class="shape-card-actions">
        <button
          type="button"
          class="shape-icon-button"
          data-move="up"
          aria-label={`Move up: ${start}`}
          aria-disabled={!props.canUp}
          onClick={move(-1, props.canUp)}
        >
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
            <path d="M12 19V5M5 12l7-7 7 7" />
          </svg>
        </button>
        <button
          type="button"
          class="shape-icon-button"
          data-move="down"
          aria-label={`Move down: ${start}`}
          aria-disabled={!props.canDown}
          onClick={move(1, props.canDown)}
        >
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
            <path d="M12 5v14M19 12l-7 7-7-7" />
          </svg>
        </button>
        {place !== 'next' && themes.length > 0 && (
          <select
            class="shape-theme-select"
            aria-label={`Theme for: ${start}`}
            value={place}
            onChange={(e) => props.onTheme(e.currentTarget.value)}
          >
            <option value="loose">No theme</option>
            {themes.map((t) => (
              <option key={t.key} value={t.key}>
                {t.title || 'Untitled theme'}
              </option>
            ))}
          </select>
        )}
      </div>
    </li>
  );
}
