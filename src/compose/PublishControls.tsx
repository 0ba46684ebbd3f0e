import { useState } from 'preact/hooks';
import { reportProblem, useAppState } from '../app/app-state';
import { updateDraft, type DraftChanges } from '../storage/drafts';
import type { Draft } from '../storage/records';
import { deviceTimeZone, localDateIn } from '../week/local-time';
import { changedSincePublished, isWebAddress, shortDate, textFingerprint } from './published';
import './publish.css';

/**
 * Draft or published: "Mark as published" records the date, the post's URL if given, and a
 * fingerprint of the words, so later edits show as "changed since you published it".
 */
export function PublishControls({ draft }: { draft: Draft }) {
  const state = useAppState();
  const today = localDateIn(new Date(), deviceTimeZone());
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState(today);
  const [url, setUrl] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  async function save(changes: DraftChanges): Promise<void> {
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
    void save({
      status: 'published',
      publishedOn: date,
      publishedUrl: link || null,
      publishedHash: textFingerprint(draft.title, draft.body),
    });
  }

  if (draft.status === 'published') {
    const on = draft.publishedOn ? shortDate(draft.publishedOn, today) : null;
    return (
      <section class="panel publish" aria-labelledby="status-heading">
        <h2 id="status-heading">Published</h2>
        <p>
          Published on {on ?? 'an unknown date'}
          {draft.publishedUrl && (
            <>
              {' '}
              at{' '}
              {isWebAddress(draft.publishedUrl) ? (
                <a class="published-link" href={draft.publishedUrl} rel="noopener noreferrer">
                  {draft.publishedUrl}
                </a>
              ) : (
                <span class="published-link">{draft.publishedUrl}</span>
              )}
            </>
          )}
          .
        </p>
        {changedSincePublished(draft) && (
          <div class="publish-changed" role="status">
            <p>
              <strong>Changed since you published it{on ? ` on ${on}` : ''}.</strong> Update the
              post on your blog with the new text, then say so here.
            </p>
            <button
              type="button"
              class="secondary"
              onClick={() => void save({ publishedHash: textFingerprint(draft.title, draft.body) })}
            >
              I have updated the post
            </button>
          </div>
        )}
        <button
          type="button"
          class="secondary"
          onClick={() =>
            void save({
              status: 'draft',
              publishedOn: null,
              publishedUrl: null,
              publishedHash: null,
            })
          }
        >
          Mark as draft again
        </button>
      </section>
    );
  }

  return (
    <section class="panel publish" aria-labelledby="status-heading">
      <h2 id="status-heading">Status: draft</h2>
      {!open ? (
        <button type="button" class="secondary" onClick={() => setOpen(true)}>
          Mark as published
        </button>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            publish();
          }}
        >
          <div class="publish-field">
            <label for="published-on">Published on</label>
            <input
              id="published-on"
              type="date"
              required
              value={date}
              onInput={(e) => setDate(e.currentTarget.value)}
            />
          </div>
          <div class="publish-field">
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
          </div>
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
