import { useEffect, useState } from 'preact/hooks';
import { reportProblem, useAppState } from '../app/app-state';
import type { Moment } from '../storage/records';
import { momentsWithWords } from '../storage/threads';
import type { Week } from '../week/iso-week';
import { progressLine, targetTotal } from './target-amount';

interface Props {
  week: Week;
  /** This week's moments: the totals follow them as they change. */
  moments: Moment[];
  /** Adds a line to the weeknote. */
  onInsert: (line: string) => void;
}

/**
 * "312 of 1,500 miles running in 2026": each yearly target, counted from the calendar year the
 * week starts in up to the end of the week, with a button that puts the line in the weeknote.
 */
export function TargetProgress({ week, moments, onInsert }: Props) {
  const state = useAppState();
  const targets = state.settings.value.targets;
  const [totals, setTotals] = useState<number[] | null>(null);
  const year = Number(week.start.slice(0, 4));
  const from = `${year}-01-01`;
  const nextYear = `${year + 1}-01-01`;
  const to = week.end < nextYear ? week.end : nextYear;

  useEffect(() => {
    if (targets.length === 0) return;
    let current = true;
    momentsWithWords(
      targets.flatMap((t) => t.counts),
      from,
      to,
    ).then(
      (found) => {
        const texts = found.map((m) => m.text);
        if (current) setTotals(targets.map((t) => targetTotal(texts, t)));
      },
      (err: unknown) => reportProblem(state, err, 'read'),
    );
    return () => {
      current = false;
    };
  }, [targets, from, to, moments, state]);

  if (targets.length === 0) return null;
  return (
    <section class="panel threads-part" aria-labelledby="targets-heading">
      <h2 id="targets-heading">Targets in {year}</h2>
      {totals === null ? (
        <p class="hint" role="status">
          Counting…
        </p>
      ) : (
        <ul class="thread-list targets">
          {targets.map((t, i) => {
            const line = `${progressLine(totals[i] ?? 0, t)} in ${year}`;
            return (
              <li key={t.id}>
                <span class="target-line">{line}</span>
                <span class="progress-bar" aria-hidden="true">
                  <span
                    style={{ width: `${Math.min(100, ((totals[i] ?? 0) / t.amount) * 100)}%` }}
                  />
                </span>
                <button
                  type="button"
                  class="small secondary"
                  aria-label={`Add to weeknote: ${line}`}
                  onClick={() => onInsert(`${line}.`)}
                >
                  Add to weeknote
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
