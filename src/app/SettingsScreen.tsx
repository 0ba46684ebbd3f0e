import { useEffect, useState } from 'preact/hooks';
import { isAppleMobile, isInstalled } from '../pwa/install';
import { currentPersistence, storageEstimate, type Persistence } from '../pwa/persistence';
import { countMoments } from '../storage/moments';
import type { WeekStartDay } from '../storage/records';
import { reportProblem, useAppState } from './app-state';
import { saveSettings } from './save-settings';
import { BlogSettings } from '../publish/BlogSettings';
import { BackupSettings } from './BackupSettings';
import { EncryptionSettings } from './EncryptionSettings';
import { InstallButton } from './InstallButton';
import { countOf } from './plural';
import { DraftSettings } from './DraftSettings';
import { SeriesSettings } from './SeriesSettings';
import { SettingClashes } from './SettingClashes';
import { SyncSettings } from './SyncSettings';
import { TargetSettings } from '../threads/TargetSettings';
import { ReminderSettings } from './ReminderSettings';
import './settings.css';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const PERSISTENCE_TEXT: Record<Persistence, string> = {
  granted: 'Kept: the browser will not clear Weeknotes’ data to free space.',
  denied:
    'Not guaranteed: the browser may clear Weeknotes’ data if space runs short, and Safari clears a site’s data after 7 days unused unless it is installed.',
  unsupported: 'This browser does not say whether it will keep Weeknotes’ data.',
};

/** When the week starts. */
function WeekSettings() {
  const state = useAppState();

  const changeWeekStart = (value: string): Promise<void> =>
    saveSettings(state, { weekStartsOn: Number(value) as WeekStartDay });

  return (
    <section class="settings-card" aria-labelledby="week-settings">
      <h2 id="week-settings">Your week</h2>
      <div class="settings-field">
        <label for="week-start">Weeks start on</label>
        <select
          id="week-start"
          value={String(state.settings.value.weekStartsOn)}
          onChange={(e) => void changeWeekStart(e.currentTarget.value)}
        >
          {DAYS.map((day, i) => (
            <option key={day} value={String(i)}>
              {day}
            </option>
          ))}
        </select>
      </div>
    </section>
  );
}

/** Preferences, and what the device keeps. */
export function SettingsScreen() {
  const state = useAppState();
  const [persistence, setPersistence] = useState<Persistence | null>(null);
  const [usage, setUsage] = useState<string | null>(null);
  // Counted once, not live: a live count rescans every moment on each change, which made a
  // first sync of ten years of moments crawl while this screen was open.
  const [moments, setMoments] = useState<number | undefined>(undefined);
  const installed = isInstalled();

  useEffect(() => {
    countMoments().then(setMoments, (err: unknown) => reportProblem(state, err, 'read'));
    void currentPersistence().then(setPersistence);
    void storageEstimate().then((e) => {
      if (e) setUsage(`${(e.usage / 1e6).toFixed(1)} MB used`);
    });
  }, [state]);

  return (
    <div class="settings">
      <h1>Settings</h1>
      <SettingClashes />
      {state.settingsLoaded.value ? (
        <>
          <WeekSettings />
          <SeriesSettings />
          <DraftSettings />
          <TargetSettings />
        </>
      ) : (
        <p class="hint" role="status">
          Loading your settings…
        </p>
      )}
      <BlogSettings />
      <ReminderSettings />
      <SyncSettings />
      <EncryptionSettings />
      <BackupSettings />
      <section class="settings-card" aria-labelledby="storage-settings">
        <h2 id="storage-settings">On this device</h2>
        <p>
          {moments === undefined
            ? 'Counting moments…'
            : `${countOf(moments, 'moment')} kept on this device.`}{' '}
          {usage}
        </p>
        <p id="persistence-status">
          <strong>Storage: </strong>
          {persistence ? PERSISTENCE_TEXT[persistence] : 'Checking…'}
        </p>
        {!installed && persistence !== 'granted' && (
          <p class="nudge">
            Install Weeknotes to your home screen so your moments are kept.
            {isAppleMobile() && ' In Safari, tap Share, then “Add to Home Screen”.'}
          </p>
        )}
        {!installed && <InstallButton />}
      </section>
    </div>
  );
}
