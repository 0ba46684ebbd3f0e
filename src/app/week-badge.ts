import { effect } from '@preact/signals';
import { showBadge } from '../pwa/badge';
import { tallyMoments } from '../pwa/reminder-text';
import { observe } from '../storage/live';
import { momentsBetween } from '../storage/moments';
import { fromLocalDate } from '../week/calendar-date';
import { weekContaining } from '../week/iso-week';
import type { AppState } from './app-state';

/**
 * Keeps the app icon's badge at this week's count of moments (the same count a reminder shows):
 * live as moments are captured, edited, deleted or synced, and again when the week turns over or
 * its start day changes.
 */
export function keepBadgeCurrent(state: AppState): void {
  let watching = '';
  let stop = (): void => undefined;
  const watch = (): void => {
    const week = weekContaining(fromLocalDate(new Date()), state.settings.value.weekStartsOn);
    if (week.start === watching) return;
    watching = week.start;
    stop();
    stop = observe(
      () => momentsBetween(week.start, week.end),
      (moments) => showBadge(tallyMoments(moments).moments),
      // A badge is a nicety: a failed read is shown where the writer reads moments, not here.
      () => undefined,
    );
  };
  effect(watch);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') watch();
  });
}
