import { useState } from 'preact/hooks';
import { uuidv7 } from 'uuidv7';
import { useAppState } from '../app/app-state';
import { saveSettings } from '../app/save-settings';
import { formatAmount } from './target-amount';
import { readTargetForm, type TargetForm } from './target-form';
import './threads.css';

const EMPTY: TargetForm = { label: '', amount: '', unit: '', counts: '' };
const MAX_TARGETS = 10;

/** Settings → Targets: yearly targets counted from moments, to add and remove. */
export function TargetSettings() {
  const state = useAppState();
  const targets = state.settings.value.targets;
  const [form, setForm] = useState<TargetForm>(EMPTY);
  const [problem, setProblem] = useState<{ text: string; field: keyof TargetForm } | null>(null);

  function add(): void {
    const read = readTargetForm(form, uuidv7());
    if ('problem' in read) return setProblem({ text: read.problem, field: read.field });
    setForm(EMPTY);
    setProblem(null);
    void saveSettings(state, { targets: [...targets, read.target] });
  }

  const field = (name: keyof TargetForm, label: string, extra: Record<string, string> = {}) => (
    <div class={name === 'counts' || name === 'label' ? 'wide' : undefined}>
      <label for={`target-${name}`}>{label}</label>
      <input
        id={`target-${name}`}
        type="text"
        autoComplete="off"
        value={form[name]}
        aria-invalid={problem?.field === name}
        aria-describedby={
          problem?.field === name
            ? 'target-problem'
            : name === 'counts'
              ? 'target-counts-hint'
              : undefined
        }
        onInput={(e) => {
          setForm({ ...form, [name]: e.currentTarget.value });
          setProblem(null);
        }}
        {...extra}
      />
    </div>
  );

  return (
    <section class="settings-card" aria-labelledby="target-settings">
      <h2 id="target-settings">Yearly targets</h2>
      <p class="hint">
        Moments with a target’s #tag or word and an amount add to it, such as “#run 5 miles”. Miles
        and km convert; an amount needs its unit. Each calendar year starts again.
      </p>
      {targets.length > 0 && (
        <ul class="target-settings-list">
          {targets.map((t) => {
            const name = `${formatAmount(t.amount, t.unit)} ${t.label}`;
            return (
              <li key={t.id}>
                <span>
                  {name} <span class="hint">({t.counts.join(' ')})</span>
                </span>
                <button
                  type="button"
                  class="small secondary"
                  aria-label={`Remove the target ${name}`}
                  onClick={() =>
                    void saveSettings(state, { targets: targets.filter((x) => x.id !== t.id) })
                  }
                >
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {targets.length < MAX_TARGETS && (
        <form
          class="settings-field"
          noValidate
          aria-label="New target"
          onSubmit={(e) => {
            e.preventDefault();
            add();
          }}
        >
          <div class="target-fields">
            {field('amount', 'Target', { inputMode: 'decimal', placeholder: '1,500' })}
            {field('unit', 'Unit', { placeholder: 'miles' })}
            {field('label', 'For', { placeholder: 'running' })}
            {field('counts', 'Counts moments with', { placeholder: '#run ran' })}
          </div>
          <p id="target-counts-hint" class="hint">
            #tags or words, with spaces between.
          </p>
          {problem && (
            <p id="target-problem" class="field-problem" role="alert">
              {problem.text}
            </p>
          )}
          <button type="submit">Add target</button>
        </form>
      )}
    </section>
  );
}
