import type { Settings, YearlyTarget } from '../storage/records';
import {
  dismissSettingClash,
  settingClashes,
  updateSettings,
  type SettingClash,
  type SyncedSettingKey,
} from '../storage/settings';
import { reportProblem, useAppState } from './app-state';
import { GROUPING_LABELS } from './DraftSettings';
import { useLive } from './use-live';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const NAMES: Record<SyncedSettingKey, string> = {
  weekStartsOn: 'Weeks start on',
  titleTemplate: 'Title template',
  series: 'Series number',
  grouping: 'When you shape a week, its moments start',
  themeHeadings: 'Theme headings',
  tagNames: 'Tag names',
  wordTarget: 'Word target',
  targets: 'Targets',
};

/** A setting's value as the writer reads it. */
export function describeSetting(key: SyncedSettingKey, value: unknown): string {
  switch (key) {
    case 'weekStartsOn':
      return DAYS[value as number] ?? String(value);
    case 'grouping':
      return value === 'tag' ? GROUPING_LABELS.tag : GROUPING_LABELS.day;
    case 'themeHeadings':
      return value ? 'On' : 'Off';
    case 'tagNames': {
      const names = Object.entries(value as Record<string, string>);
      return names.length === 0
        ? 'None'
        : names.map(([tag, name]) => `#${tag}: ${name}`).join('; ');
    }
    case 'wordTarget':
      return value === 0 ? 'None' : `${String(value)} words`;
    case 'targets': {
      const targets = value as YearlyTarget[];
      return targets.length === 0
        ? 'None'
        : targets.map((t) => `${t.amount} ${t.unit} ${t.label}`).join('; ');
    }
    default:
      return `“${String(value)}”`;
  }
}

/** Settings changed on this device and another at once: what was kept, and this device's value. */
export function SettingClashes() {
  const state = useAppState();
  const clashes = useLive(settingClashes, []);
  if (!clashes || clashes.length === 0) return null;

  async function choose(clash: SettingClash, useMine: boolean): Promise<void> {
    try {
      if (useMine) {
        const change = { [clash.key]: clash.mine } as Partial<Settings>;
        state.settings.value = { ...state.settings.value, ...change };
        await updateSettings(change);
      }
      await dismissSettingClash(clash.key);
    } catch (err) {
      reportProblem(state, err);
    }
  }

  return (
    <section class="settings-card settings-clashes" aria-labelledby="clash-heading">
      <h2 id="clash-heading">Changed on two devices at once</h2>
      <p>
        These settings were changed here and on another device before they could sync. The other
        device’s choice is in use everywhere; yours is kept here until you choose.
      </p>
      <ul class="settings-clash-list">
        {clashes.map((c) => (
          <li key={c.key}>
            <strong>{NAMES[c.key]}</strong>
            <dl>
              <dt>In use</dt>
              <dd>{describeSetting(c.key, c.kept)}</dd>
              <dt>This device had</dt>
              <dd>{describeSetting(c.key, c.mine)}</dd>
            </dl>
            <div class="row">
              <button
                type="button"
                onClick={() => void choose(c, true)}
                aria-label={`Use this device’s ${NAMES[c.key].toLowerCase()}`}
              >
                Use this device’s
              </button>
              <button
                type="button"
                class="secondary"
                onClick={() => void choose(c, false)}
                aria-label={`Keep the one in use for ${NAMES[c.key].toLowerCase()}`}
              >
                Keep the one in use
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
