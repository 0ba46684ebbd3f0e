import { countOf } from '../app/plural';
import { filterLabel, type MomentFilter, type WeekSummary } from './week-summary';

interface Props {
  summary: WeekSummary;
  filter: MomentFilter | null;
  /** How many of the week's moments the filter leaves. */
  shown: number;
  onFilter: (filter: MomentFilter | null) => void;
}

function same(a: MomentFilter | null, b: MomentFilter): boolean {
  return a !== null && a.kind === b.kind && a.name.toLowerCase() === b.name.toLowerCase();
}

/** The week in numbers, and its tags and people as chips that narrow the week to them. */
export function WeekOverview({ summary, filter, shown, onFilter }: Props) {
  const chips: MomentFilter[] = [
    ...summary.tags.map((t) => ({ kind: 'tag' as const, name: t.name })),
    ...summary.people.map((p) => ({ kind: 'person' as const, name: p.name })),
  ];
  return (
    <>
      <dl class="week-stats">
        <div>
          <dt>{summary.moments === 1 ? 'moment' : 'moments'}</dt>
          <dd>{summary.moments}</dd>
        </div>
        <div>
          <dt>{summary.people.length === 1 ? 'person' : 'people'}</dt>
          <dd>{summary.people.length}</dd>
        </div>
        <div>
          <dt>{summary.tags.length === 1 ? 'tag' : 'tags'}</dt>
          <dd>{summary.tags.length}</dd>
        </div>
      </dl>
      {chips.length > 0 && (
        <div class="week-chips" role="group" aria-label="Tags and people this week">
          {chips.map((c) => {
            const label = filterLabel(c);
            const on = same(filter, c);
            return (
              <button
                key={label}
                type="button"
                class={`chip ${c.kind}`}
                aria-pressed={on}
                aria-label={`Filter by ${label}`}
                onClick={() => onFilter(on ? null : c)}
              >
                {label}
              </button>
            );
          })}
        </div>
      )}
      <p class="visually-hidden" role="status">
        {filter ? `Showing ${countOf(shown, 'moment')} with ${filterLabel(filter)}.` : ''}
      </p>
      {filter && (
        <div class="filter-bar">
          <p>
            Showing <strong>{filterLabel(filter)}</strong>
            <span class="filter-count"> · {countOf(shown, 'moment')}</span>
          </p>
          <button
            type="button"
            class="clear"
            aria-label="Clear filter"
            onClick={() => {
              onFilter(null);
              // The bar and this button go: land on the week's heading rather than nowhere.
              document.getElementById('week-heading')?.focus();
            }}
          >
            Clear
          </button>
        </div>
      )}
    </>
  );
}
