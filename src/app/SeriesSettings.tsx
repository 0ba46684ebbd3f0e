import { useEffect, useState } from 'preact/hooks';
import { renderTitle, templateProblem } from '../compose/title-template';
import type { Settings } from '../storage/records';
import { weekContaining } from '../week/iso-week';
import { useToday } from '../week/use-today';
import { useAppState } from './app-state';
import { saveSettings } from './save-settings';

const TEMPLATE_MAX = 500;

function seriesProblemOf(series: string): string | null {
  const n = Number(series);
  return series.trim() === '' || !Number.isSafeInteger(n) || n < 0
    ? 'The series number must be a whole number, 0 or more.'
    : null;
}

function templateProblemOf(template: string): string | null {
  if (template.length > TEMPLATE_MAX) return 'The title template must be 500 characters or fewer.';
  return templateProblem(template);
}

/**
 * The weeknote series: title template and series number. Render it only
 * once settings are loaded: the fields start from the saved values.
 */
export function SeriesSettings() {
  const state = useAppState();
  const settings = state.settings.value;
  const today = useToday();
  const [template, setTemplate] = useState(settings.titleTemplate);
  const [series, setSeries] = useState(String(settings.series));
  const problem = templateProblemOf(template);
  const seriesProblem = seriesProblemOf(series);

  // A value another device set arrives in the settings: show it. Typing here saves each valid
  // value first, so this only replaces text that was already saved or could not be.
  useEffect(() => setTemplate(settings.titleTemplate), [settings.titleTemplate]);
  useEffect(() => setSeries(String(settings.series)), [settings.series]);

  const save = (changes: Partial<Settings>): Promise<void> => saveSettings(state, changes);

  const example = renderTitle(
    template,
    weekContaining(today, settings.weekStartsOn),
    seriesProblem ? settings.series : Number(series),
  );

  return (
    <section class="settings-card" aria-labelledby="series-settings">
      <h2 id="series-settings">Your weeknotes</h2>
      <div class="settings-field">
        <label for="title-template">Title template</label>
        <input
          id="title-template"
          type="text"
          value={template}
          autoComplete="off"
          aria-describedby="title-template-help"
          aria-invalid={problem !== null}
          onInput={(e) => {
            const value = e.currentTarget.value;
            setTemplate(value);
            if (!templateProblemOf(value)) void save({ titleTemplate: value });
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
          class="settings-number"
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
            if (!seriesProblemOf(value)) void save({ series: Number(value) });
          }}
        />
        {seriesProblem && (
          <p id="series-problem" class="field-problem" role="alert">
            {seriesProblem}
          </p>
        )}
      </div>
    </section>
  );
}
