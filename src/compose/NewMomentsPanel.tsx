import { useState } from 'preact/hooks';
import { reportProblem, useAppState } from '../app/app-state';
import { updateDraft } from '../storage/drafts';
import type { Draft, Moment } from '../storage/records';
import { formatTime } from '../week/local-time';
import { dayLabel, type Week } from '../week/iso-week';
import { groupHeading, newMomentsFor } from './compile';
import {
  insertIntoSection,
  insertNewSection,
  nextWeekHeading,
  sectionsOf,
} from './markdown-sections';
import { momentProse } from './prose';

const END = '';
const NEW = 'new:';

interface Props {
  draft: Draft;
  week: Week;
  moments: Moment[];
  body: string;
  onBody: (body: string) => void;
}

function suggestedPlace(moment: Moment, headings: string[], body: string, grouping: 'day' | 'tag') {
  if (moment.nextWeek) return nextWeekHeading(body) ?? END;
  const heading = groupHeading(moment, grouping);
  if (!heading) return END;
  return headings.includes(heading) ? heading : NEW + heading;
}

/** Moments captured since the draft was compiled, each offered for the writer to place or leave out. */
export function NewMomentsPanel({ draft, week, moments, body, onBody }: Props) {
  const state = useAppState();
  const offered = newMomentsFor(draft, moments, week);
  const headings = sectionsOf(body).map((s) => s.heading);
  const [places, setPlaces] = useState<Record<string, string>>({});
  if (offered.length === 0) return null;

  async function record(changes: Partial<Draft>): Promise<void> {
    try {
      await updateDraft(draft.id, changes, new Date().toISOString());
    } catch (err) {
      reportProblem(state, err);
    }
  }

  function insert(moment: Moment, place: string): void {
    const prose = momentProse(moment.text);
    const block = moment.nextWeek ? `- ${prose}` : prose;
    onBody(
      place.startsWith(NEW)
        ? insertNewSection(body, place.slice(NEW.length), block)
        : insertIntoSection(body, place || null, block),
    );
    void record({ momentIds: [...draft.momentIds, moment.id] });
  }

  return (
    <section class="panel" aria-labelledby="new-moments">
      <h2 id="new-moments">
        {offered.length} new {offered.length === 1 ? 'moment' : 'moments'} since you compiled
      </h2>
      <ul class="offers">
        {offered.map((m) => {
          const grouping = state.settings.value.grouping;
          const suggested = suggestedPlace(m, headings, body, grouping);
          const place = places[m.id] ?? suggested;
          const label = `${dayLabel(m.localDate)}, ${formatTime(m.createdAt, m.timeZone)}`;
          return (
            <li key={m.id} class="offer">
              <p class="offer-when">{label}</p>
              <p class="moment-text">{m.text}</p>
              <label for={`place-${m.id}`}>Put it under</label>
              <select
                id={`place-${m.id}`}
                value={place}
                onChange={(e) => setPlaces({ ...places, [m.id]: e.currentTarget.value })}
              >
                {headings.map((h) => (
                  <option key={h} value={h}>
                    {h}
                  </option>
                ))}
                {suggested.startsWith(NEW) && (
                  <option value={suggested}>A new section: {suggested.slice(NEW.length)}</option>
                )}
                <option value={END}>The end of the draft</option>
              </select>
              <div class="row">
                <button
                  type="button"
                  onClick={() => insert(m, place)}
                  aria-label={`Insert moment from ${label}`}
                >
                  Insert
                </button>
                <button
                  type="button"
                  class="secondary"
                  aria-label={`Leave out moment from ${label}`}
                  onClick={() =>
                    void record({ dismissedMomentIds: [...draft.dismissedMomentIds, m.id] })
                  }
                >
                  Leave out
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
