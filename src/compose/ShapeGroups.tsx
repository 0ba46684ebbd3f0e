import { useEffect, useState } from 'preact/hooks';
import type { Moment } from '../storage/records';
import { ShapeCard, type ThemeChoice } from './ShapeCard';
import { canMove, groupsOf, LOOSE, NEXT, type ShapeTheme, type WeekShape } from './shape';
import type { DisplayNames } from './tag-names';
import type { Dragging } from './use-card-drag';

interface Props {
  shape: WeekShape;
  byId: Map<string, Moment>;
  names: DisplayNames;
  themes: ThemeChoice[];
  dragging: Dragging | null;
  gripProps: (id: string, next: boolean) => Record<string, (e: PointerEvent) => void>;
  onMove: (id: string, step: -1 | 1) => void;
  onLeaveOut: (id: string, out: boolean) => void;
  onTheme: (id: string, key: string) => void;
  onRename: (theme: ShapeTheme, name: string) => void;
  onRemove: (theme: ShapeTheme) => void;
}

function ThemeHead(props: {
  theme: ShapeTheme;
  title: string;
  onRename: (name: string) => void;
  onRemove: () => void;
}) {
  const { theme, title } = props;
  const [text, setText] = useState(title);
  useEffect(() => setText(title), [title]);
  const id = `theme-${theme.key}`;
  return (
    <div class="shape-theme-head">
      <h2 id={`${id}-title`} class="visually-hidden">
        Theme: {title || 'Untitled theme'}
      </h2>
      <input
        id={id}
        class="shape-theme-name"
        aria-label="Theme name"
        value={text}
        placeholder="Name this theme"
        onInput={(e) => {
          setText(e.currentTarget.value);
          // A theme the writer made keeps its name in the shape; a tag's is saved on change.
          if (!theme.tag) props.onRename(e.currentTarget.value);
        }}
        onChange={(e) => {
          if (theme.tag) props.onRename(e.currentTarget.value);
        }}
      />
      <button
        type="button"
        class="secondary small"
        aria-label={`Remove theme: ${title || 'Untitled theme'}`}
        onClick={props.onRemove}
      >
        Remove
      </button>
    </div>
  );
}

const EMPTY: Record<string, string> = {
  [LOOSE]: 'Nothing outside the themes. Move a moment here to open the weeknote with it.',
  [NEXT]: '',
};

/** The week's moments as cards, in the order and themes they will have in the draft. */
export function ShapeGroups(props: Props) {
  const { shape, byId, dragging } = props;
  const hasThemes = shape.themes.length > 0;
  return (
    <>
      {groupsOf(shape).map(({ key, ids }) => {
        if (ids.length === 0 && (key === NEXT || (key === LOOSE && !hasThemes))) return null;
        const theme = shape.themes.find((t) => t.key === key);
        const title = props.themes.find((t) => t.key === key)?.title ?? '';
        const target = dragging?.target?.key === key ? dragging.target : null;
        const others = ids.filter((id) => id !== dragging?.id);
        const markBefore = target ? (others[target.index] ?? null) : undefined;
        const headId = theme ? `theme-${key}-title` : `group-${key}`;
        return (
          <div
            key={key}
            class={`shape-group${theme ? ' theme' : ''}`}
            role="group"
            aria-labelledby={headId}
            data-drop-group={key}
          >
            {theme ? (
              <ThemeHead
                theme={theme}
                title={title}
                onRename={(name) => props.onRename(theme, name)}
                onRemove={() => props.onRemove(theme)}
              />
            ) : (
              <h2 id={headId} class="shape-group-title">
                {key === NEXT ? 'Next week' : hasThemes ? 'Not in a theme' : 'The week’s moments'}
              </h2>
            )}
            {key === NEXT && <p class="hint">These close the weeknote, after the rest.</p>}
            <ul class={`shape-cards${markBefore === null ? ' drop-at-end' : ''}`}>
              {ids.map((id) => {
                const moment = byId.get(id);
                if (!moment) return null;
                return (
                  <ShapeCard
                    key={id}
                    moment={moment}
                    names={props.names}
                    leftOut={shape.leftOut.includes(id)}
                    canUp={canMove(shape, id, -1)}
                    canDown={canMove(shape, id, 1)}
                    place={key}
                    themes={props.themes}
                    dragDy={dragging?.id === id ? dragging.dy : null}
                    dropBefore={markBefore === id}
                    grip={props.gripProps(id, key === NEXT)}
                    onMove={(step) => props.onMove(id, step)}
                    onLeaveOut={(out) => props.onLeaveOut(id, out)}
                    onTheme={(to) => props.onTheme(id, to)}
                  />
                );
              })}
              {ids.length === 0 && (key !== LOOSE || hasThemes) && (
                <li class="shape-empty-group">
                  {EMPTY[key] ?? 'No moments yet. Drag one here, or choose this theme on a moment.'}
                </li>
              )}
            </ul>
          </div>
        );
      })}
    </>
  );
}
