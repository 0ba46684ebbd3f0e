import { z } from '../validation/zod';
import { momentSchema } from './record-codec';
import type { Moment } from './records';
import { WEEK_CACHE_KEY } from './week-cache';

const cacheSchema = z.object({ weekStart: z.string(), moments: z.array(momentSchema) });

/** The cached moments of the week starting `weekStart`, or undefined if none are kept. */
export function cachedWeek(weekStart: string): Moment[] | undefined {
  try {
    const raw = localStorage.getItem(WEEK_CACHE_KEY);
    if (!raw) return undefined;
    const parsed = cacheSchema.safeParse(JSON.parse(raw));
    if (!parsed.success || parsed.data.weekStart !== weekStart) return undefined;
    return parsed.data.moments;
  } catch {
    return undefined;
  }
}
