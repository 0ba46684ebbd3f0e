import { useState } from 'preact/hooks';
import { reportProblem, useAppState } from '../app/app-state';
import { updateDraft } from '../storage/drafts';
import type { Draft, Moment } from '../storage/records';
import { formatTime } from '../week/local-time';
import { dayLabel, type Week } from '../week/iso-week';
import { newMomentsFor } from './compile';
import { insertMoment, placesFor, suggestedPlace } from './offer-places';

interface Props {
  draft: Draft;
  week: Week;
  moments: Moment[];
  body: string;
  onBody: (body: string) => void;
}

/** Moments captured since the draft was compiled, each offered for the writer to place or leave out. */
export function NewMomentsPanel({ draft, week, moments, body, onBody }: Props) {
  const state = useAppState();
  const offered = newMomentsFor(draft, moments, week);
  const [places, setPlaces] = useState<Record<string, string>>({});
  if (offered.length === 0) return null;
  const names = state.settings.value.tagNames;

  async function record(changes: Partial<Draft>): Promise<void> {
    try {
      await updateDraft(draft.id, changes, new Date().toISOString());
    } catch (err) {
      reportProblem(state, err);
    }
  }

  function insert(moment: Moment, place: string): void {
    onBody(insertMoment(body, moment, place, names));
    void record({ momentIds: [...draft.momentIds, moment.id] });
  }

  return (
    <section class="panel" aria-labelledby="new-moments">
      <h2 id="new-moments">
        {offered.length} new {offered.length === 1 ? 'moment' : 'moments'} since you compiled
      </h2>
      <ul class="offers">
        {offered.map((m) => {
          const suggested = suggestedPlace(m, body, names, week);
          const options = placesFor(body, suggested);
          const chosen = places[m.id];
          const place = chosen && options.some((o) => o.value === chosen) ? chosen : suggested;
          const label = `${dayLabel(m.localDate)}, ${formatTime(m.createdAt, m.timeZone)}`;
          return (
            <li key={m.id} class="offer">
              <p class="offer-when">{label}</p>
              <p class="moment-text">{m.text}</p>
              <label for={`place-${m.id}`}>Put it</label>
              <select
                id={`place-${m.id}`}
                value={place}
                onChange={(e) => setPlaces({ ...places, [m.id]: e.currentTarget.value })}
              >
                {options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.value.startsWith('h:') ? `Under “${o.label}”` : o.label}
                  </option>
                ))}
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
