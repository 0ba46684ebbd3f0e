import { z } from '../validation/zod';
import type { Settings } from './records';
import {
  SYNCED_SETTING_KEYS,
  settingRecordId,
  type SettingRecord,
  type SyncedSettingKey,
} from './settings';

/** How many yearly targets a writer may keep, and the most one may aim for. */
export const MAX_TARGETS = 10;
export const MAX_TARGET_AMOUNT = 1_000_000_000;

// Synced input is never trusted: words only, no control characters, bounded sizes.
const yearlyTarget = z.object({
  id: z.string().min(1).max(40),
  label: z
    .string({ error: 'a target needs a label' })
    .trim()
    .min(1, 'a target needs a label')
    .max(80, 'a target label is 80 characters at most')
    .regex(/^[^\p{Cc}\p{Cf}]*$/u, 'a target label may not hold control characters'),
  amount: z
    .number({ error: 'a target is a number' })
    .positive('a target must be more than 0')
    .max(MAX_TARGET_AMOUNT, 'a target is 1,000,000,000 at most'),
  unit: z
    .string({ error: 'a target needs a unit' })
    .regex(/^\p{L}{1,20}$/u, 'a unit is one word of letters, e.g. miles'),
  counts: z
    .array(
      z
        .string()
        .regex(
          /^#?[\p{L}\p{N}](?:[\p{L}\p{N}_-]{0,58}[\p{L}\p{N}])?$/u,
          'a target counts #tags or single words',
        ),
    )
    .min(1, 'say which #tag or word counts')
    .max(10, 'a target counts at most 10 tags or words'),
});

/**
 * The writer's settings, checked the same way wherever they come from: the Settings screen, a
 * pulled sync record or a restored backup. Messages name the setting in the writer's words.
 */
const syncedShape = {
  weekStartsOn: z.literal([0, 1, 2, 3, 4, 5, 6], {
    error: 'the week must start on a day from 0 (Sunday) to 6 (Saturday)',
  }),
  titleTemplate: z
    .string({ error: 'the title template must be text' })
    .max(500, 'the title template must be 500 characters or fewer'),
  series: z
    .number({ error: 'the series number must be a number' })
    .int('the series number must be a whole number')
    .min(0, 'the series number must be 0 or more'),
  grouping: z.enum(['day', 'tag'], { error: 'moments are grouped by "day" or "tag"' }),
  themeHeadings: z.boolean({ error: 'theme headings must be true or false' }),
  tagNames: z
    .record(
      z.string().max(200),
      z
        .string({ error: 'a tag name must be text' })
        .max(200, 'a tag name is 200 characters at most'),
    )
    .refine((names) => Object.keys(names).length <= 2000, 'at most 2,000 tag names'),
  wordTarget: z
    .number({ error: 'the word target must be a number' })
    .int('the word target must be a whole number')
    .min(0, 'the word target must be 0 or more')
    .max(100_000, 'the word target must be 100,000 or fewer'),
  targets: z.array(yearlyTarget).max(MAX_TARGETS, `at most ${MAX_TARGETS} targets`),
} satisfies Record<SyncedSettingKey, z.ZodType>;

/** The settings that sync (and go into backups). Unknown keys are dropped. */
export const syncedSettingsSchema = z.object(syncedShape);

/** Every setting, this device's own included. */
export const settingsSchema = z.object({
  ...syncedShape,
  persistence: z.enum(['not-asked', 'granted', 'denied', 'unsupported']),
});

type Same<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
// The schema and the Settings type must describe the same thing: this fails to compile if not.
const schemaMatchesSettings: Same<z.infer<typeof settingsSchema>, Settings> = true;
void schemaMatchesSettings;

/** Checks settings about to be saved; throws on anything the app would not write. */
export function checkSettingChanges(changes: Partial<Settings>): Partial<Settings> {
  const checked = settingsSchema.partial().strict().parse(changes);
  return Object.fromEntries(Object.entries(checked).filter(([, value]) => value !== undefined));
}

const settingEnvelope = z.object({
  id: z.string().max(80),
  key: z.enum(SYNCED_SETTING_KEYS),
  value: z.unknown(),
  updatedAt: z.string().max(40),
  deletedAt: z.null(),
});

/** Reads a setting from a sync payload, or throws if it is not a valid one. */
export function decodeSetting(payload: string): SettingRecord {
  const record = settingEnvelope.parse(JSON.parse(payload));
  if (record.id !== settingRecordId(record.key)) throw new Error('A setting record has a wrong id');
  return { ...record, value: syncedShape[record.key].parse(record.value) };
}
