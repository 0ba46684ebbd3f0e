import { noticeTarget, readReminderPush, reminderNotice, tapAction } from './reminder-text';
import { readWeekTally } from './week-tally';

/** The parts of the service worker a reminder uses (typed here so the page's build checks it too). */
export interface ReminderWorker {
  registration: {
    showNotification(title: string, options: NotificationOptions): Promise<void>;
  };
  clients: {
    matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<
      readonly {
        url: string;
        focused: boolean;
        focus(): Promise<unknown>;
        navigate(url: string): Promise<unknown>;
      }[]
    >;
    openWindow(url: string): Promise<unknown>;
  };
  navigator: { setAppBadge?: (count: number) => Promise<void> };
}

/** Reads a push's JSON, or null if it is not JSON. */
function pushJson(data: { json(): unknown } | null): unknown {
  try {
    return data?.json() ?? null;
  } catch {
    return null;
  }
}

/**
 * A push arrived: count this week's moments on the device and show the reminder. Every push shows
 * a notification (`userVisibleOnly`); one that is not a reminder says only that it came from us.
 */
export async function showReminder(
  sw: ReminderWorker,
  data: { json(): unknown } | null,
  now: Date,
): Promise<void> {
  const push = readReminderPush(pushJson(data));
  // Not a reminder, or the week cannot be read: still say something (the push must show one).
  const week = push && (await readWeekTally(now).catch(() => null));
  if (!push || !week) {
    await sw.registration.showNotification('Weeknotes', {
      body: 'Time for your weeknote?',
      tag: 'weeknotes-reminder',
      icon: '/icons/icon-192.png',
      lang: 'en-GB',
    });
    return;
  }
  const notice = reminderNotice(push, week);
  await sw.registration.showNotification(notice.title, {
    body: notice.body,
    tag: notice.tag,
    silent: notice.silent,
    data: notice.data,
    icon: '/icons/icon-192.png',
    lang: 'en-GB',
  });
  if (typeof sw.navigator.setAppBadge === 'function')
    await sw.navigator.setAppBadge(week.moments).catch(() => undefined);
}

/** A reminder was tapped: focus the app on that week's Write screen, or open it there. */
export async function openReminder(sw: ReminderWorker, data: unknown): Promise<void> {
  const path = noticeTarget(data);
  const windows = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const action = tapAction(windows, path);
  if (action.kind === 'open') {
    await sw.clients.openWindow(action.path);
    return;
  }
  const win = windows[action.index];
  if (!win) return;
  await win.focus();
  // A window the service worker does not control cannot be sent elsewhere: open one instead.
  if (action.kind === 'navigate')
    await win.navigate(action.path).catch(() => sw.clients.openWindow(action.path));
}
