import { read, write } from './errors';
import type { Settings } from './records';

/** What a writer who has changed nothing gets. */
export const DEFAULT_SETTINGS: Settings = {
  weekStartsOn: 1,
  titleTemplate: 'Weeknote v{series}.{week}',
  series: 1,
  grouping: 'day',
  themeHeadings: false,
  tagNames: {},
  wordTarget: 0,
  persistence: 'not-asked',
};

/** The writer's settings, with defaults for anything never set. */
export function getSettings(): Promise<Settings> {
  return read(async (db) => {
    const rows = await db.settings.toArray();
    const saved = Object.fromEntries(rows.map((r) => [r.key, r.value])) as Partial<Settings>;
    return { ...DEFAULT_SETTINGS, ...saved };
  });
}

/** Saves some settings, leaving the others as they are. */
export async function updateSettings(changes: Partial<Settings>): Promise<void> {
  await write((db) =>
    db.settings.bulkPut(Object.entries(changes).map(([key, value]) => ({ key, value }))),
  );
}
