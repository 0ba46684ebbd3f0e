import type { ChecklistItem, Draft, Grouping, Moment } from '../storage/records';
import { dayLabel, daysOf, weekBeginningLabel, type Week } from '../week/iso-week';
import { nextWeekItems } from './markdown-sections';
import { momentProse } from './prose';
import { renderTitle } from './title-template';

/** The settings compile reads. */
export interface CompileSettings {
  titleTemplate: string;
  series: number;
  grouping: Grouping;
}

/** What compiling a week gives: a new draft's content. */
export interface Compiled {
  title: string;
  body: string;
  momentIds: string[];
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

/** The heading a moment belongs under in a draft grouped this way. */
export function groupHeading(moment: Moment, grouping: Grouping): string | null {
  if (grouping === 'day') return dayLabel(moment.localDate);
  const tag = moment.tags[0];
  if (!tag) return null;
  const words = tag.replace(/[-_]+/g, ' ');
  return words.charAt(0).toLocaleUpperCase('en-GB') + words.slice(1);
}

const UNTAGGED = 'Everything else';

function groups(moments: Moment[], week: Week, grouping: Grouping): [string | null, Moment[]][] {
  if (grouping === 'day') {
    return daysOf(week)
      .map((d): [string | null, Moment[]] => [
        dayLabel(d),
        moments.filter((m) => m.localDate === d),
      ])
      .filter(([, ms]) => ms.length > 0);
  }
  const byHeading = new Map<string | null, Moment[]>();
  for (const m of moments) {
    const h = groupHeading(m, 'tag');
    byHeading.set(h, [...(byHeading.get(h) ?? []), m]);
  }
  const untagged = byHeading.get(null) ?? [];
  byHeading.delete(null);
  if (byHeading.size === 0) return untagged.length ? [[null, untagged]] : [];
  const tagged = [...byHeading.entries()];
  return untagged.length ? [...tagged, [UNTAGGED, untagged]] : tagged;
}

/**
 * Turns a week's moments into a draft weeknote. Pure: it reads only its arguments.
 * Private and deleted moments, and moments from other weeks, are never included.
 */
export function compile(
  moments: Moment[],
  week: Week,
  settings: CompileSettings,
  lastWeek: Draft | undefined,
  now: Date,
): Compiled {
  const included = moments.filter((m) => isPublicIn(m, week)).sort(byCapture);
  const body = included.filter((m) => !m.nextWeek);
  const next = included.filter((m) => m.nextWeek);

  const blocks = [weekBeginningLabel(week, now.getFullYear())];
  for (const [heading, ms] of groups(body, week, settings.grouping)) {
    if (heading) blocks.push(`## ${heading}`);
    blocks.push(...ms.map((m) => momentProse(m.text)).filter((t) => t !== ''));
  }
  if (next.length > 0) {
    blocks.push('## Next week', next.map((m) => `- ${momentProse(m.text)}`).join('\n'));
  }

  return {
    title: renderTitle(settings.titleTemplate, week, settings.series),
    body: `${blocks.join('\n\n')}\n`,
    momentIds: included.map((m) => m.id),
    checklist: lastWeek
      ? nextWeekItems(lastWeek.body).map((text) => ({ text, state: 'open' }))
      : [],
  };
}

/** Public moments of the week that came after the draft was compiled, in capture order. */
export function newMomentsFor(draft: Draft, moments: Moment[], week: Week): Moment[] {
  const known = new Set([...draft.momentIds, ...draft.dismissedMomentIds]);
  return moments.filter((m) => isPublicIn(m, week) && !known.has(m.id)).sort(byCapture);
}
