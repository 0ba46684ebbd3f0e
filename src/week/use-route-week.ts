import { useRoute } from 'preact-iso';
import { useAppState } from '../app/app-state';
import { isCalendarDate } from './calendar-date';
import { weekContaining, type Week } from './iso-week';
import { useToday } from './use-today';

/** The week named by the route's `:start` (this week if none), and this week for comparison. */
export function useRouteWeek(): { week: Week; thisWeek: Week; today: string } {
  const { settings } = useAppState();
  const { params } = useRoute();
  const today = useToday();
  const weekStartsOn = settings.value.weekStartsOn;
  const asked = params.start && isCalendarDate(params.start) ? params.start : today;
  return {
    week: weekContaining(asked, weekStartsOn),
    thisWeek: weekContaining(today, weekStartsOn),
    today,
  };
}
