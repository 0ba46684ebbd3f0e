import { useEffect, useState } from 'preact/hooks';
import { deviceToday } from './local-time';

const today = (): string => deviceToday();

/** Today's date on this device, updated when the day turns over or the app comes back into view. */
export function useToday(): string {
  const [date, setDate] = useState(today);
  useEffect(() => {
    const check = (): void => setDate(today());
    const timer = setInterval(check, 60_000);
    document.addEventListener('visibilitychange', check);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', check);
    };
  }, []);
  return date;
}
