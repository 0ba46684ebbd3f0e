import { segments } from './parse-moment';

/** A moment's text with its #tags and @people marked. */
export function MomentText({ text }: { text: string }) {
  return (
    <p class="moment-text">
      {segments(text).map((s, i) =>
        s.kind === 'text' ? (
          s.text
        ) : (
          <span key={i} class={s.kind === 'tag' ? 'tag' : 'person'}>
            {s.text}
          </span>
        ),
      )}
    </p>
  );
}
