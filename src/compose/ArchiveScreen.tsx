import { useLive } from '../app/use-live';
import { allDrafts } from '../storage/drafts';
import type { Draft } from '../storage/records';
import { longDate, monthLabel } from './long-date';

function byMonth(drafts: Draft[]): [string, Draft[]][] {
  const months = new Map<string, Draft[]>();
  for (const d of drafts) {
    const key = monthLabel(d.weekStart);
    months.set(key, [...(months.get(key) ?? []), d]);
  }
  return [...months.entries()];
}

/** Past weeknotes by month, newest first, each opening its draft. */
export function ArchiveScreen() {
  const drafts = useLive(allDrafts, []);
  return (
    <>
      <h1>Archive</h1>
      {drafts?.length === 0 && (
        <p class="empty">
          No weeknotes yet. <a href="/write">Write this week’s</a>.
        </p>
      )}
      {drafts &&
        byMonth(drafts).map(([month, items]) => (
          <section key={month} aria-labelledby={`month-${month.replace(' ', '-')}`}>
            <h2 id={`month-${month.replace(' ', '-')}`}>{month}</h2>
            <ul class="archive">
              {items.map((d) => (
                <li key={d.id}>
                  <a href={`/write/${d.weekStart}`}>{d.title || 'Untitled weeknote'}</a>
                  <span class="archive-meta">
                    Week beginning {longDate(d.weekStart)} ·{' '}
                    {d.status === 'published' ? 'Published' : 'Draft'}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ))}
    </>
  );
}
