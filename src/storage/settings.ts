import { database } from './db';
import { toStorageProblem } from './errors';
import type { Settings } from './records';

/** What a writer who has changed nothing gets. */
export const DEFAULT_SETTINGS: Settings = {
  weekStartsOn: 1,
  titleTemplate: 'Weeknote v{series}.{week}',
  series: 1,
  grouping: 'day',
  persistence: 'not-asked',
};

/** The writer's settings, with defaults for anything never set. */
export async function getSettings(): Promise<Settings> {
  try {
    const rows = await database().settings.toArray();
    const saved = Object.fromEntries(rows.map((r) => [r.key, r.value])) as Partial<Settings>;
    return { ...DEFAULT_SETTINGS, ...saved };
  } catch (err) {
    throw toStorageProblem(err, 'read');
  }
}

/** Saves some settings, leaving the others as they are. */
export async function updateSettings(changes: Partial<Settings>): Promise<void> {
  const db = database();
  try {
    await db.settings.bulkPut(Object.entries(changes).map(([key, value]) => ({ key, value })));
  } catch (err) {
    throw toStorageProblem(err, 'write');
  }
}
