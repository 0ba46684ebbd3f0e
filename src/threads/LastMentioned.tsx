import { useEffect, useMemo, useState } from 'preact/hooks';
import { reportProblem, useAppState } from '../app/app-state';
import type { Moment } from '../storage/records';
import { draftTitles, publicMentionsBefore } from '../storage/threads';
import { weekContaining, type Week } from '../week/iso-week';
import {
  describeLastMentions,
  latestMentions,
  threadKey,
  threadLabel,
  threadsInDraft,
  type LastMention,
} from './last-mentioned';

interface Props {
  week: Week;
  moments: Moment[];
  /** The draft's body once typing rests: looked up again only when its people or tags change. */
  body: string;
}

/**
 * When each @person and #tag of this week was last mentioned before it. Looked up when opened,
 * and again when the people and tags named change, never on each keystroke.
 */
export function LastMentioned({ week, moments, body }: Props) {
  const state = useAppState();
  const weekStartsOn = state.settings.value.weekStartsOn;
  const [open, setOpen] = useState(false);
  const [found, setFound] = useState<LastMention[] | null>(null);
  const threads = useMemo(() => threadsInDraft(moments, body), [moments, body]);
  const key = threads.map(threadKey).join('\n');

  useEffect(() => {
    if (!open) return;
    let current = true;
    const names = {
      tags: threads.filter((t) => t.kind === 'tag').map((t) => t.name),
      people: threads.filter((t) => t.kind === 'person').map((t) => t.name),
    };
    void (async () => {
      try {
        const candidates = await publicMentionsBefore(names, week.start);
        const latest = latestMentions(threads, candidates, week.start);
        const starts = [...new Set([...latest.values()])].map(
          (day) => weekContaining(day, weekStartsOn).start,
        );
        const titles = await draftTitles([...new Set(starts)]);
        if (current) setFound(describeLastMentions(threads, latest, week, weekStartsOn, titles));
      } catch (err) {
        reportProblem(state, err, 'read');
      }
    })();
    return () => {
      current = false;
    };
    // `key` stands for `threads`: the same names need no new look-up.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, key, week.start, weekStartsOn, state]);

  return (
    <details class="panel threads-part" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Last mentioned</summary>
      {threads.length === 0 ? (
        <p class="hint">No @people or #tags in this week’s weeknote yet.</p>
      ) : found === null ? (
        <p class="hint" role="status">
          Looking back…
        </p>
      ) : (
        <ul class="thread-list" aria-label="Last mentioned before this week">
          {found.map((m) => (
            <li key={threadKey(m.thread)}>
              <span class={`thread-name ${m.thread.kind}`}>{threadLabel(m.thread)}</span>:{' '}
              {m.weekStart === null ? (
                <span class="hint">{m.when}</span>
              ) : (
                <>
                  {m.when}, in <a href={`/week/${m.weekStart}`}>{m.where}</a>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
