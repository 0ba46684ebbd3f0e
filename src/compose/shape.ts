import type { Grouping, Moment } from '../storage/records';
import { firstTag, themeName, type DisplayNames } from './tag-names';

/** A theme: moments gathered under one name. A tag's theme takes its name from the tag. */
export interface ShapeTheme {
  /** `tag:<tag in lower case>` for a tag's theme, `own:<n>` for one the writer made. */
  key: string;
  /** The writer's name for a theme they made (a tag's theme is named from the tag). */
  name: string;
  /** The tag as first written ("BlueBadge"), for a tag's theme. */
  tag: string | null;
  ids: string[];
}

/**
 * How the writer wants the week's moments in the draft: the order, the themes and the moments
 * left out. Only ids are kept, so it can be stored and re-applied as moments come and go.
 */
export interface WeekShape {
  /** Moments in no theme, first in the draft. */
  loose: string[];
  themes: ShapeTheme[];
  /** Next-week moments, in the order of the closing paragraph. */
  next: string[];
  /** Moments the writer left out of the draft. */
  leftOut: string[];
}

/** Where a moment sits: `loose`, a theme's key, or `next`. */
export type GroupKey = string;
export const LOOSE = 'loose';
export const NEXT = 'next';

function tagKey(tag: string): string {
  return `tag:${tag.toLowerCase()}`;
}

function strings(value: unknown): string[] | null {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : null;
}

/** A stored shape read back, or null when the text is not one (old, damaged or absent). */
export function parseShape(text: string): WeekShape | null {
  try {
    const v = JSON.parse(text) as Record<string, unknown> | null;
    if (!v || typeof v !== 'object') return null;
    const [loose, next, leftOut] = [strings(v.loose), strings(v.next), strings(v.leftOut)];
    if (!loose || !next || !leftOut || !Array.isArray(v.themes)) return null;
    const themes: ShapeTheme[] = [];
    for (const t of v.themes as Record<string, unknown>[]) {
      const ids = strings(t?.ids);
      if (!ids || typeof t.key !== 'string' || typeof t.name !== 'string') return null;
      themes.push({ key: t.key, name: t.name, tag: typeof t.tag === 'string' ? t.tag : null, ids });
    }
    return { loose, themes, next, leftOut };
  } catch {
    return null;
  }
}

/** Moves every loose moment with a #tag into its first tag's theme, making themes as needed. */
export function gatherByTag(shape: WeekShape, moments: Moment[]): WeekShape {
  const byId = new Map(moments.map((m) => [m.id, m]));
  const themes = shape.themes.map((t) => ({ ...t, ids: [...t.ids] }));
  const loose: string[] = [];
  for (const id of shape.loose) {
    const moment = byId.get(id);
    const tag = moment ? firstTag(moment) : null;
    if (!tag) {
      loose.push(id);
      continue;
    }
    let theme = themes.find((t) => t.key === tagKey(tag));
    if (!theme) {
      theme = { key: tagKey(tag), name: '', tag, ids: [] };
      themes.push(theme);
    }
    theme.ids.push(id);
  }
  return { ...shape, loose, themes };
}

/**
 * The shape for the week's public moments (in capture order): the stored one with moments that
 * are gone, private or in the wrong place taken out, and new moments added at the end (into
 * their tag's theme when there is one). With nothing stored, `grouping` decides the start:
 * 'tag' gathers by tag, 'day' keeps capture order.
 */
export function shapeFor(
  moments: Moment[],
  stored: WeekShape | null,
  grouping: Grouping,
): WeekShape {
  const byId = new Map(moments.map((m) => [m.id, m]));
  if (!stored) {
    const start: WeekShape = {
      loose: moments.filter((m) => !m.nextWeek).map((m) => m.id),
      themes: [],
      next: moments.filter((m) => m.nextWeek).map((m) => m.id),
      leftOut: [],
    };
    return grouping === 'tag' ? gatherByTag(start, moments) : start;
  }
  const seen = new Set<string>();
  const keep = (ids: string[], nextWeek: boolean) =>
    ids.filter((id) => {
      const ok = byId.get(id)?.nextWeek === nextWeek && !seen.has(id);
      if (ok) seen.add(id);
      return ok;
    });
  const themes = stored.themes.map((t) => ({ ...t, ids: keep(t.ids, false) }));
  const shape: WeekShape = {
    loose: keep(stored.loose, false),
    themes: themes.filter((t, i) => themes.findIndex((u) => u.key === t.key) === i),
    next: keep(stored.next, true),
    leftOut: [...new Set(stored.leftOut.filter((id) => byId.has(id)))],
  };
  for (const m of moments) {
    if (seen.has(m.id)) continue;
    const tag = firstTag(m);
    const theme = tag ? shape.themes.find((t) => t.key === tagKey(tag)) : undefined;
    (m.nextWeek ? shape.next : (theme?.ids ?? shape.loose)).push(m.id);
  }
  return shape;
}

/** The ids of each place in order: loose, each theme, next. */
export function groupsOf(shape: WeekShape): { key: GroupKey; ids: string[] }[] {
  return [
    { key: LOOSE, ids: shape.loose },
    ...shape.themes.map((t) => ({ key: t.key, ids: t.ids })),
    { key: NEXT, ids: shape.next },
  ];
}

function withGroup(shape: WeekShape, key: GroupKey, ids: string[]): WeekShape {
  if (key === LOOSE) return { ...shape, loose: ids };
  if (key === NEXT) return { ...shape, next: ids };
  return { ...shape, themes: shape.themes.map((t) => (t.key === key ? { ...t, ids } : t)) };
}

/** The place a moment is in, and its index there. */
export function placeOf(shape: WeekShape, id: string): { key: GroupKey; index: number } | null {
  for (const g of groupsOf(shape)) {
    const index = g.ids.indexOf(id);
    if (index !== -1) return { key: g.key, index };
  }
  return null;
}

/**
 * Moves a moment to a place at an index (clamped). Next-week moments stay among next-week ones
 * and the others out of them: a move across is ignored.
 */
export function moveTo(shape: WeekShape, id: string, key: GroupKey, index: number): WeekShape {
  const from = placeOf(shape, id);
  if (!from || (from.key === NEXT) !== (key === NEXT)) return shape;
  const target = groupsOf(shape).find((g) => g.key === key);
  if (!target) return shape;
  const source = groupsOf(shape).find((g) => g.key === from.key)?.ids ?? [];
  const removed = withGroup(
    shape,
    from.key,
    source.filter((i) => i !== id),
  );
  const ids = (groupsOf(removed).find((g) => g.key === key)?.ids ?? []).filter((i) => i !== id);
  const at = Math.max(0, Math.min(index, ids.length));
  return withGroup(removed, key, [...ids.slice(0, at), id, ...ids.slice(at)]);
}

/**
 * Moves a moment one step up (-1) or down (1) in the order the draft reads: past a neighbour in
 * its place, or, at the edge of a theme, into the end of the one before or the start of the one
 * after. Next-week moments move only among themselves.
 */
export function moveBy(shape: WeekShape, id: string, step: -1 | 1): WeekShape {
  const from = placeOf(shape, id);
  if (!from) return shape;
  const groups = groupsOf(shape).filter((g) => (g.key === NEXT) === (from.key === NEXT));
  const g = groups.findIndex((x) => x.key === from.key);
  const size = groups[g]?.ids.length ?? 0;
  const inside = from.index + step;
  if (inside >= 0 && inside < size) return moveTo(shape, id, from.key, inside);
  const neighbour = groups[g + step];
  if (!neighbour) return shape;
  return moveTo(shape, id, neighbour.key, step < 0 ? neighbour.ids.length : 0);
}

/** Whether a moment can move a step up or down. */
export function canMove(shape: WeekShape, id: string, step: -1 | 1): boolean {
  return moveBy(shape, id, step) !== shape;
}

/** Leaves a moment out of the draft, or brings it back. */
export function setLeftOut(shape: WeekShape, id: string, out: boolean): WeekShape {
  const rest = shape.leftOut.filter((i) => i !== id);
  return { ...shape, leftOut: out ? [...rest, id] : rest };
}

/** Adds a theme the writer names. */
export function addTheme(shape: WeekShape, name: string): WeekShape {
  const n = shape.themes.reduce((max, t) => Math.max(max, Number(t.key.slice(4)) || 0), 0) + 1;
  return { ...shape, themes: [...shape.themes, { key: `own:${n}`, name, tag: null, ids: [] }] };
}

/** Renames a theme the writer made. */
export function renameTheme(shape: WeekShape, key: string, name: string): WeekShape {
  return { ...shape, themes: shape.themes.map((t) => (t.key === key ? { ...t, name } : t)) };
}

/** Removes a theme; its moments go back to the end of the loose ones. */
export function removeTheme(shape: WeekShape, key: string): WeekShape {
  const theme = shape.themes.find((t) => t.key === key);
  if (!theme) return shape;
  return {
    ...shape,
    loose: [...shape.loose, ...theme.ids],
    themes: shape.themes.filter((t) => t.key !== key),
  };
}

/** A theme's name as the writer sees it and as its heading reads. */
export function themeTitle(theme: ShapeTheme, names: DisplayNames): string {
  return theme.tag ? themeName(theme.tag, names) : theme.name.trim();
}
