import type { JSX, Ref } from 'preact';
import type { MomentFilter } from '../week/week-summary';
import { linkify } from './linkify';
import { segments } from './parse-moment';

/** The id of the hidden sentence explaining what a tag or person button in a moment does. */
export const FILTER_HINT_ID = 'moment-filter-hint';

interface Props {
  text: string;
  /** When given, #tags and @people are buttons that narrow the list to their moments. */
  onFilter?: ((filter: MomentFilter) => void) | undefined;
  id?: string;
  /** Shown as two lines with an ellipsis. */
  clamped?: boolean;
  textRef?: Ref<HTMLParagraphElement>;
  onClick?: (e: MouseEvent) => void;
}

/** A moment's text with its #tags and @people marked and its web addresses as links. */
export function MomentText({ text, onFilter, id, clamped = false, textRef, onClick }: Props) {
  const parts: (JSX.Element | string)[] = [];
  linkify(text).forEach((run, r) => {
    if (run.kind === 'link') {
      parts.push(
        <a key={`l${r}`} href={run.href} target="_blank" rel="noopener noreferrer">
          {run.text}
        </a>,
      );
      return;
    }
    segments(run.text).forEach((s, i) => {
      const key = `${r}.${i}`;
      if (s.kind === 'text') parts.push(s.text);
      else if (onFilter)
        parts.push(
          <button
            key={key}
            type="button"
            class={`${s.kind} mention`}
            aria-describedby={FILTER_HINT_ID}
            onClick={() => onFilter({ kind: s.kind, name: s.name })}
          >
            {s.text}
          </button>,
        );
      else
        parts.push(
          <span key={key} class={s.kind}>
            {s.text}
          </span>,
        );
    });
  });
  return (
    <p
      id={id}
      ref={textRef}
      class={clamped ? 'moment-text clamped' : 'moment-text'}
      onClick={onClick}
    >
      {parts}
    </p>
  );
}
