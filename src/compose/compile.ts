import type { ChecklistItem, Draft, Grouping, Moment } from '../storage/records';
import { weekBeginningLabel, type Week } from '../week/iso-week';
import { nextWeekItems } from './markdown-sections';
import { nextWeekBlock } from './next-week';
import { momentProse } from './prose';
import { shapeFor, themeTitle, type WeekShape } from './shape';
import type { DisplayNames } from './tag-names';
import { renderTitle } from './title-template';

/** The settings compile reads. */
export interface CompileSettings {
  titleTemplate: string;
  series: number;
  /** With no shape from the writer: 'tag' gathers moments into themes by first tag. */
  grouping: Grouping;
  /** A "## Theme" heading over each theme; off, themes only decide the order. */
  themeHeadings: boolean;
  tagNames: DisplayNames;
}

/** What compiling a week gives: a new draft's content. */
export interface Compiled {
  title: string;
  body: string;
  momentIds: string[];
  /** Moments the writer left out while shaping the week: never offered again. */
  dismissedMomentIds: string[];
  checklist: ChecklistItem[];
}

/** Whether a moment may go into a public draft for this week. */
export function isPublicIn(moment: Moment, week: Week): boolean {
  return (
    !moment.private &&
    moment.deletedAt === null &&
    moment.localDate >= week.start &&
    moment.localDate < week.end
  );
}

function byCapture(a: Moment, b: Moment): number {
  return Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id.localeCompare(b.id);
}

/** The moments that may go into the week's public draft, in capture order. */
export function publicMomentsOf(moments: Moment[], week: Week): Moment[] {
  return moments.filter((m) => isPublicIn(m, week)).sort(byCapture);
}

/**
 * Turns a week's moments into a draft weeknote, shaped as the writer asked (`shape`; without
 * one, capture order, gathered by tag when `settings.grouping` is 'tag'). Pure: it reads only its
 * arguments. Private and deleted moments, and moments from other weeks, are never included,
 * whatever the shape says.
 *
 * The body is the "Week beginning …" line, then one paragraph per moment (its line breaks kept):
 * moments in no theme first, then each theme's, under a "## Theme" heading when
 * `settings.themeHeadings` is on; then the closing "Next week…" paragraph (`nextWeekBlock`).
 */
export function compile(
  moments: Moment[],
  week: Week,
  settings: CompileSettings,
  lastWeek: Draft | undefined,
  now: Date,
  shape: WeekShape | null = null,
): Compiled {
  const included = publicMomentsOf(moments, week);
  const shaped = shapeFor(included, shape, settings.grouping);
  const byId = new Map(included.map((m) => [m.id, m]));
  const out = new Set(shaped.leftOut);
  const take = (ids: string[]) => ids.flatMap((id) => (out.has(id) ? [] : (byId.get(id) ?? [])));
  const names = settings.tagNames;
  const paragraphs = (ms: Moment[]) =>
    ms.map((m) => momentProse(m.text, names)).filter((t) => t !== '');

  const blocks = [weekBeginningLabel(week, now.getFullYear())];
  const used = take(shaped.loose);
  blocks.push(...paragraphs(used));
  for (const theme of shaped.themes) {
    const ms = take(theme.ids);
    const ps = paragraphs(ms);
    used.push(...ms);
    if (ps.length === 0) continue;
    const heading = themeTitle(theme, names);
    if (settings.themeHeadings && heading !== '') blocks.push(`## ${heading}`);
    blocks.push(...ps);
  }
  const next = take(shaped.next);
  used.push(...next);
  const closing = nextWeekBlock(
    next.map((m) => m.text),
    names,
  );
  if (closing) blocks.push(closing);

  return {
    title: renderTitle(settings.titleTemplate, week, settings.series),
    body: `${blocks.join('\n\n')}\n`,
    momentIds: used.map((m) => m.id),
    dismissedMomentIds: shaped.leftOut,
    checklist: lastWeek
      ? nextWeekItems(lastWeek.body).map((text) => ({ text, state: 'open' }))
      : [],
  };
}

/** Public moments of the week that came after the draft was compiled, in capture order. */
export function newMomentsFor(draft: Draft, moments: Moment[], week: Week): Moment[] {
  const known = new Set([...draft.momentIds, ...draft.dismissedMomentIds]);
  return publicMomentsOf(moments, week).filter((m) => !known.has(m.id));
}
