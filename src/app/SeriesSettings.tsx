import { useState } from 'preact/hooks';
import { renderTitle, templateProblem } from '../compose/title-template';
import type { Grouping, Settings } from '../storage/records';
import { updateSettings } from '../storage/settings';
import { weekContaining } from '../week/iso-week';
import { useToday } from '../week/use-today';
import { reportProblem, useAppState } from './app-state';

/** The weeknote series: title template, series number and how moments are grouped. */
export function SeriesSettings() {
  const state = useAppState();
  const settings = state.settings.value;
  const today = useToday();
  const [template, setTemplate] = useState(settings.titleTemplate);
  const [series, setSeries] = useState(String(settings.series));
  const problem = templateProblem(template);
  const seriesNumber = Number(series);
  const seriesProblem =
    series.trim() === '' || !Number.isInteger(seriesNumber) || seriesNumber < 0
      ? 'The series number must be a whole number, 0 or more.'
      : null;

  async function save(changes: Partial<Settings>): Promise<void> {
    state.settings.value = { ...state.settings.value, ...changes };
    try {
      await updateSettings(changes);
    } catch (err) {
      reportProblem(state, err);
    }
  }

  const example = renderTitle(
    template,
    weekContaining(today, settings.weekStartsOn),
    seriesProblem ? settings.series : seriesNumber,
  );

  return (
    <section aria-labelledby="series-settings">
      <h2 id="series-settings">Your weeknotes</h2>
      <div class="settings-field">
        <label for="title-template">Title template</label>
        <input
          id="title-template"
          type="text"
          value={template}
          aria-describedby="title-template-help"
          aria-invalid={problem !== null}
          onInput={(e) => {
            const value = e.currentTarget.value;
            setTemplate(value);
            if (!templateProblem(value)) void save({ titleTemplate: value });
          }}
        />
        <p id="title-template-help" class="hint">
          {problem ?? `This week: “${example}”.`} Tokens: {'{series}'}, {'{week}'}, {'{yy}'},{' '}
          {'{yyyy}'}.
        </p>
      </div>
      <div class="settings-field">
        <label for="series-number">Series number</label>
        <input
          id="series-number"
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          value={series}
          aria-invalid={seriesProblem !== null}
          aria-describedby={seriesProblem ? 'series-problem' : undefined}
          onInput={(e) => {
            const value = e.currentTarget.value;
            setSeries(value);
            const n = Number(value);
            if (value.trim() !== '' && Number.isInteger(n) && n >= 0) void save({ series: n });
          }}
        />
        {seriesProblem && (
          <p id="series-problem" class="field-problem" role="alert">
            {seriesProblem}
          </p>
        )}
      </div>
      <fieldset class="settings-field">
        <legend>Group moments in a draft</legend>
        {(
          [
            ['day', 'By day'],
            ['tag', 'By first tag'],
          ] as [Grouping, string][]
        ).map(([value, label]) => (
          <label key={value} class="flag">
            <input
              type="radio"
              name="grouping"
              checked={settings.grouping === value}
              onChange={() => void save({ grouping: value })}
            />
            {label}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
