import { useState } from 'preact/hooks';
import { reportProblem, useAppState } from '../app/app-state';
import { updateDraft } from '../storage/drafts';
import type { Draft } from '../storage/records';
import { deviceTimeZone, localDateIn } from '../week/local-time';
import { longDate } from './long-date';

/** Only web addresses become links: a synced or restored draft could carry `javascript:`. */
const isWebAddress = (s: string): boolean => /^https?:\/\/\S+$/i.test(s);

/** Draft or published: "Mark as published" records the date and, if given, the post's URL. */
export function PublishControls({ draft }: { draft: Draft }) {
  const state = useAppState();
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState(() => localDateIn(new Date(), deviceTimeZone()));
  const [url, setUrl] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  async function save(changes: Partial<Draft>): Promise<void> {
    try {
      await updateDraft(draft.id, changes, new Date().toISOString());
      setOpen(false);
    } catch (err) {
      reportProblem(state, err);
    }
  }

  function publish(): void {
    const link = url.trim();
    if (link && !isWebAddress(link)) {
      setProblem('The address must start with https:// or http://');
      return;
    }
    void save({ status: 'published', publishedOn: date, publishedUrl: link || null });
  }

  if (draft.status === 'published') {
    return (
      <section class="panel" aria-labelledby="status-heading">
        <h2 id="status-heading">Published</h2>
        <p>
          Published on {draft.publishedOn ? longDate(draft.publishedOn) : 'an unknown date'}
          {draft.publishedUrl && (
            <>
              {' '}
              at{' '}
              {isWebAddress(draft.publishedUrl) ? (
                <a href={draft.publishedUrl}>{draft.publishedUrl}</a>
              ) : (
                draft.publishedUrl
              )}
            </>
          )}
          .
        </p>
        <button
          type="button"
          class="secondary"
          onClick={() => void save({ status: 'draft', publishedOn: null, publishedUrl: null })}
        >
          Mark as draft again
        </button>
      </section>
    );
  }

  return (
    <section class="panel" aria-labelledby="status-heading">
      <h2 id="status-heading">Status: draft</h2>
      {!open ? (
        <button type="button" onClick={() => setOpen(true)}>
          Mark as published
        </button>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            publish();
          }}
        >
          <label for="published-on">Published on</label>
          <input
            id="published-on"
            type="date"
            required
            value={date}
            onInput={(e) => setDate(e.currentTarget.value)}
          />
          <label for="published-url">Address of the post (optional)</label>
          <input
            id="published-url"
            type="url"
            inputMode="url"
            value={url}
            aria-invalid={problem !== null}
            aria-describedby={problem ? 'published-url-problem' : undefined}
            onInput={(e) => {
              setUrl(e.currentTarget.value);
              setProblem(null);
            }}
          />
          {problem && (
            <p id="published-url-problem" class="field-problem" role="alert">
              {problem}
            </p>
          )}
          <div class="row">
            <button type="submit">Save as published</button>
            <button type="button" class="secondary" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
