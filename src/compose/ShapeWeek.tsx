import { useEffect, useRef, useState } from 'preact/hooks';
import { reportProblem, useAppState } from '../app/app-state';
import { addDraft, draftForWeek } from '../storage/drafts';
import type { Moment, Settings } from '../storage/records';
import { saveSettings } from '../app/save-settings';
import { forgetUnsaved, keepUnsaved, readUnsaved } from '../storage/unsaved-text';
import type { Week } from '../week/iso-week';
import { compile, publicMomentsOf } from './compile';
import { newDraft } from './new-draft';
import { ShapeGroups } from './ShapeGroups';
import { ShapeNumbers } from './ShapeNumbers';
import {
  addTheme,
  gatherByTag,
  moveBy,
  moveTo,
  parseShape,
  placeOf,
  removeTheme,
  renameTheme,
  setLeftOut,
  shapeFor,
  themeTitle,
  LOOSE,
  type ShapeTheme,
  type WeekShape,
} from './shape';
import { useCardDrag } from './use-card-drag';
import './shape.css';

interface Props {
  week: Week;
  /** The week's moments, private ones included (they are counted, never shown or compiled). */
  moments: Moment[];
  /** The week before, whose draft's "Next week" becomes this week's checklist. */
  previousStart: string;
}

/**
 * Shaping the week before compiling: the week's public moments as cards to leave out, reorder
 * (buttons or dragging) and gather into themes, then "Compile draft". The shape is kept per week
 * in local storage, so a reload keeps it, and is re-applied to the moments as they change.
 */
export function ShapeWeek({ week, moments, previousStart }: Props) {
  const state = useAppState();
  const settings = state.settings.value;
  const names = settings.tagNames;
  const storeKey = `shape:${week.start}`;
  const [stored, setStored] = useState(() => parseShape(readUnsaved(storeKey)));
  const [notKept, setNotKept] = useState(false);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState('');
  const focusAfter = useRef<{ id: string; move: 'up' | 'down' } | null>(null);
  const focusTheme = useRef<string | null>(null);
  const root = useRef<HTMLDivElement>(null);

  const publicMoments = publicMomentsOf(moments, week);
  const shape = shapeFor(publicMoments, stored, settings.grouping);
  const byId = new Map(publicMoments.map((m) => [m.id, m]));
  const themes = shape.themes.map((t) => ({ key: t.key, title: themeTitle(t, names) }));
  const privateCount = moments.filter(
    (m) => m.private && !m.deletedAt && m.localDate >= week.start && m.localDate < week.end,
  ).length;
  const { dragging, gripProps } = useCardDrag(root, (id, to) =>
    change(moveTo(shape, id, to.key, to.index)),
  );

  useEffect(() => {
    const wanted = focusAfter.current;
    focusAfter.current = null;
    if (wanted) {
      const card = root.current?.querySelector(`[data-card-id="${CSS.escape(wanted.id)}"]`);
      card?.querySelector<HTMLElement>(`[data-move="${wanted.move}"]`)?.focus();
    }
    const theme = focusTheme.current;
    focusTheme.current = null;
    if (theme)
      root.current?.querySelector<HTMLInputElement>(`#${CSS.escape(`theme-${theme}`)}`)?.select();
  });

  function change(next: WeekShape, message = ''): void {
    setStored(next);
    setSaid(message);
    setNotKept(!keepUnsaved(storeKey, JSON.stringify(next)));
  }

  const save = (changes: Partial<Settings>): Promise<void> => saveSettings(state, changes);

  function groupName(key: string): string {
    if (key === LOOSE) return shape.themes.length > 0 ? 'not in a theme' : 'the week';
    if (key === 'next') return 'next week';
    return themes.find((t) => t.key === key)?.title || 'an untitled theme';
  }

  function move(id: string, step: -1 | 1): void {
    const next = moveBy(shape, id, step);
    const at = placeOf(next, id);
    if (!at) return;
    const size = [next.loose, next.next, ...next.themes.map((t) => t.ids)].find((ids) =>
      ids.includes(id),
    )?.length;
    focusAfter.current = { id, move: step < 0 ? 'up' : 'down' };
    change(
      next,
      `Moved ${step < 0 ? 'up' : 'down'}: ${at.index + 1} of ${size ?? 0} in ${groupName(at.key)}.`,
    );
  }

  function rename(theme: ShapeTheme, name: string): void {
    if (!theme.tag) return change(renameTheme(shape, theme.key, name));
    const tagNames = { ...names };
    const key = theme.tag.toLowerCase();
    if (name.trim() === '') delete tagNames[key];
    else tagNames[key] = name.trim();
    void save({ tagNames });
  }

  async function compileDraft(from: Moment[], withShape: WeekShape | null): Promise<void> {
    setBusy(true);
    try {
      const lastWeek = await draftForWeek(previousStart);
      const compiled = compile(from, week, settings, lastWeek, new Date(), withShape);
      await addDraft(newDraft(week.start, compiled, new Date().toISOString()));
      forgetUnsaved(storeKey);
    } catch (err) {
      reportProblem(state, err);
      setBusy(false);
    }
  }

  const going = publicMoments.length - shape.leftOut.length;
  return (
    <div class={`shape${dragging ? ' is-dragging' : ''}`} ref={root}>
      <ShapeNumbers moments={publicMoments} privateCount={privateCount} />
      {publicMoments.length === 0 ? (
        <section class="shape-nothing" aria-labelledby="nothing-yet">
          <h2 id="nothing-yet">Nothing to compile yet</h2>
          <p>
            This week has no moments to put in a weeknote. Capture a few as the week goes, or start
            from a blank weeknote with its title and week line.
          </p>
          <div class="shape-nothing-actions">
            <button type="button" disabled={busy} onClick={() => void compileDraft([], null)}>
              Start a blank weeknote
            </button>
            <a class="shape-link" href="/">
              Capture a moment
            </a>
          </div>
        </section>
      ) : (
        <>
          <p class="shape-lede">
            Shape the week before you write: leave moments out, put them in order, gather them into
            themes.
          </p>
          <div class="shape-tools">
            <button
              type="button"
              class="secondary"
              onClick={() => {
                const next = gatherByTag(shape, publicMoments);
                change(
                  next,
                  next.themes.length > shape.themes.length
                    ? 'Gathered by tag.'
                    : 'No moments with a tag to gather.',
                );
              }}
            >
              Gather by tag
            </button>
            <button
              type="button"
              class="secondary"
              onClick={() => {
                const next = addTheme(shape, 'New theme');
                focusTheme.current = next.themes.at(-1)?.key ?? null;
                change(next, 'Theme added. Name it, then choose it on a moment.');
              }}
            >
              New theme
            </button>
            {shape.themes.length > 0 && (
              <label class="shape-headings">
                <input
                  type="checkbox"
                  checked={settings.themeHeadings}
                  onChange={(e) => void save({ themeHeadings: e.currentTarget.checked })}
                />
                A heading over each theme
              </label>
            )}
          </div>
          <ShapeGroups
            shape={shape}
            byId={byId}
            names={names}
            themes={themes}
            dragging={dragging}
            gripProps={gripProps}
            onMove={move}
            onLeaveOut={(id, out) =>
              change(setLeftOut(shape, id, out), out ? 'Left out.' : 'Brought back.')
            }
            onTheme={(id, key) =>
              change(moveTo(shape, id, key, Infinity), `Moved to ${groupName(key)}.`)
            }
            onRename={rename}
            onRemove={(theme) => change(removeTheme(shape, theme.key), 'Theme removed.')}
          />
          <div class="shape-compile">
            <p>
              {going} of {publicMoments.length}{' '}
              {publicMoments.length === 1 ? 'moment goes' : 'moments go'} in
              {going === 0 && ': the draft will start with just its title and week line'}.
            </p>
            <button type="button" disabled={busy} onClick={() => void compileDraft(moments, shape)}>
              Compile draft
            </button>
          </div>
        </>
      )}
      {notKept && (
        <p class="field-problem" role="alert">
          This device would not keep your arrangement, so a reload will lose it. Compile soon.
        </p>
      )}
      <p class="visually-hidden" role="status">
        {said}
      </p>
    </div>
  );
}
