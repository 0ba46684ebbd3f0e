import { useLive } from '../app/use-live';
import { allDrafts } from '../storage/drafts';
import { useToday } from '../week/use-today';
import { archiveMonths } from './archive';
import './archive.css';

/**
 * Past weeknotes by month, newest first: each under the month it was published in (a draft under
 * the month its week ends in), with its week, title, status, opening words and live post.
 */
export function ArchiveScreen() {
  const drafts = useLive(allDrafts, []);
  const today = useToday();
  const months = drafts ? archiveMonths(drafts, today) : [];
  return (
    <>
      <h1>Archive</h1>
      {drafts?.length === 0 ? (
        <p class="empty">
          No weeknotes yet. <a href="/write">Write this week’s</a>.
        </p>
      ) : (
        <p class="hint">
          Each weeknote is under the month it was published in; a draft is under the month its week
          ends.
        </p>
      )}
      {months.map((month) => (
        <section key={month.key} class="archive-month" aria-labelledby={`month-${month.key}`}>
          <h2 id={`month-${month.key}`}>{month.label}</h2>
          <ul class="archive-cards">
            {month.entries.map(({ draft, week, status, excerpt, postUrl }) => (
              <li key={draft.id} class="archive-card">
                <p class="archive-week">{week}</p>
                <h3 class="archive-title">
                  <a href={`/write/${draft.weekStart}`}>{draft.title || 'Untitled weeknote'}</a>
                </h3>
                {excerpt && <p class="archive-excerpt">{excerpt}</p>}
                <p class="archive-foot">
                  <span
                    class={`archive-status ${draft.status === 'published' ? 'is-published' : ''}`}
                  >
                    {status}
                  </span>
                  {postUrl && (
                    <a
                      class="archive-post"
                      href={postUrl}
                      rel="noopener noreferrer"
                      aria-label={`View post: ${draft.title || 'Untitled weeknote'}`}
                    >
                      View post
                    </a>
                  )}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
