import { useEffect, useState } from 'preact/hooks';
import { currentEndpoint, notificationsBlocked, pushSupported } from '../pwa/push-subscription';
import { syncStore } from '../storage/sync-store';
import {
  DEFAULT_REMINDER_SETTINGS,
  type ReminderSettings as Settings,
  type ReminderState,
} from '../sync/push-protocol';
import { reminderState } from '../sync/reminders';
import { SyncError } from '../sync/remote';
import { reportProblem, useAppState } from './app-state';
import {
  changeReminders,
  deviceTimeZone,
  turnRemindersOff,
  turnRemindersOn,
} from './reminder-actions';
import { ReminderFields } from './ReminderFields';
import './reminder-settings.css';

/** What the card knows of the account's reminders and this device's subscription. */
interface Loaded {
  settings: Settings;
  nextReminderAt: string | null;
  nextNudgeAt: string | null;
  /** This device has a push subscription. */
  subscribed: boolean;
}

const fromState = ({ nextReminderAt, nextNudgeAt, ...settings }: ReminderState) => ({
  settings,
  nextReminderAt,
  nextNudgeAt,
});

function when(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** Whether this device is signed in to a sync account, kept up to date as that changes. */
function useSignedIn(): boolean | undefined {
  const state = useAppState();
  const syncState = state.sync.value.state;
  const [hasAccount, setHasAccount] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    void syncStore()
      .syncState()
      .then(
        (s) => setHasAccount(s.account !== null),
        (err: unknown) => reportProblem(state, err, 'read'),
      );
  }, [state, syncState]);
  return hasAccount === undefined ? undefined : hasAccount && syncState !== 'signed-out';
}

/** Settings → Remind me to write: a weekly Web Push reminder, and an optional mid-week nudge. */
export function ReminderSettings() {
  const signedIn = useSignedIn();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  // The server says this device is signed out: the Sync card says so; this card says what to do.
  const [refused, setRefused] = useState(false);
  const zone = deviceTimeZone();

  useEffect(() => {
    if (!signedIn) return;
    setProblem(null);
    setRefused(false);
    Promise.all([reminderState(), currentEndpoint().catch(() => null)]).then(
      ([state, endpoint]) => setLoaded({ ...fromState(state), subscribed: endpoint !== null }),
      (err: unknown) =>
        err instanceof SyncError && err.kind === 'signed-out'
          ? setRefused(true)
          : setProblem(`Could not read your reminders: ${(err as Error).message}`),
    );
  }, [signedIn, attempt]);

  async function run(action: () => Promise<ReminderState>, subscribed: boolean): Promise<void> {
    setBusy(true);
    setProblem(null);
    try {
      setLoaded({ ...fromState(await action()), subscribed });
    } catch (err) {
      setProblem((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const on = loaded !== null && loaded.settings.enabled && loaded.subscribed;
  const settings = loaded?.settings ?? { ...DEFAULT_REMINDER_SETTINGS, timeZone: zone };

  function change(next: Settings): void {
    if (!loaded) return;
    if (on) void run(() => changeReminders(next), true);
    else setLoaded({ ...loaded, settings: next });
  }

  return (
    <section class="settings-card" aria-labelledby="reminder-settings" id="reminders">
      <h2 id="reminder-settings">Remind me to write</h2>
      {signedIn === undefined ? null : !signedIn || refused ? (
        <p>
          Reminders are sent by the Weeknotes server, so they need a sync account.{' '}
          <a href="#sync">Sign in or create an account under Sync</a>, then turn them on here.
        </p>
      ) : !loaded ? (
        !problem && (
          <p class="hint" role="status">
            Checking your reminders…
          </p>
        )
      ) : (
        <>
          <div class="settings-field">
            <label class="flag">
              <input
                type="checkbox"
                checked={on}
                disabled={busy || !pushSupported()}
                aria-describedby="reminder-help"
                onChange={(e) =>
                  void (e.currentTarget.checked
                    ? run(() => turnRemindersOn(settings), true)
                    : run(() => turnRemindersOff(settings), false))
                }
              />
              Send me a reminder with the week’s moments
            </label>
            <p id="reminder-help" class="hint">
              {!pushSupported()
                ? 'This browser cannot receive reminders. On an iPhone or iPad, add Weeknotes to your Home Screen first.'
                : notificationsBlocked() && !on
                  ? 'Notifications are blocked for Weeknotes: allow them in your browser’s site settings first.'
                  : loaded.settings.enabled && !loaded.subscribed
                    ? 'Reminders are on for your other devices. Turn them on to get them here too.'
                    : 'Weeknotes asks to show notifications when you turn this on. Turning it off stops reminders on all your devices.'}
            </p>
          </div>
          <ReminderFields settings={settings} disabled={busy} onChange={change} />
          <p class="hint">
            Times are in this device’s time zone, <strong>{zone}</strong>.
          </p>
          {on && loaded.nextReminderAt && (
            <p role="status">
              Next reminder: {when(loaded.nextReminderAt, settings.timeZone)}
              {loaded.nextNudgeAt && `; next nudge: ${when(loaded.nextNudgeAt, settings.timeZone)}`}
              .
            </p>
          )}
        </>
      )}
      {problem && (
        <div class="reminder-problem" role="alert">
          <p class="field-problem">{problem}</p>
          {!loaded && (
            <button type="button" class="secondary" onClick={() => setAttempt((n) => n + 1)}>
              Try again
            </button>
          )}
        </div>
      )}
    </section>
  );
}
