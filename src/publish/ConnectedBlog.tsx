import { useEffect, useRef, useState } from 'preact/hooks';
import { reportProblem, useAppState } from '../app/app-state';
import {
  removeDestination,
  setDefaultDestination,
  setDestinationPostStatus,
  type Destination,
} from '../storage/publishing';

const KIND: Record<Destination['kind'], string> = { wordpress: 'WordPress', micropub: 'Micropub' };

const STATUS_LABELS: Record<Destination['postStatus'], string> = {
  draft: 'Drafts for me to finish on the blog',
  publish: 'Published posts',
};

/** The id of a connected blog's heading, where focus lands once it is connected. */
export const blogHeadingId = (id: string): string => `blog-${id}`;

interface Props {
  destination: Destination;
  /** Called once the blog is removed, for focus to go somewhere that still exists. */
  onRemoved: (name: string) => void;
}

/** One connected blog: what it is, how weeknotes go to it, making it the default, removing it. */
export function ConnectedBlog({ destination: d, onRemoved }: Props) {
  const state = useAppState();
  const [confirming, setConfirming] = useState(false);
  const removeRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const opened = useRef(false);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (opened.current) removeRef.current?.focus();
    opened.current = confirming;
  }, [confirming]);

  const keep = (work: Promise<void>): void =>
    void work.catch((err: unknown) => reportProblem(state, err));

  async function remove(): Promise<void> {
    try {
      await removeDestination(d.id);
      onRemoved(d.name);
    } catch (err) {
      reportProblem(state, err);
      setConfirming(false);
    }
  }

  const credential =
    d.kind === 'wordpress'
      ? 'Weeknotes forgets its application password on this device. To stop the password working anywhere, revoke it on your blog under Users → Profile → Application Passwords.'
      : 'Weeknotes forgets its sign-in to this site on this device.';

  return (
    <li class="blog">
      <div class="blog-title">
        <h3 id={blogHeadingId(d.id)} tabIndex={-1}>
          {d.name}
        </h3>
        {d.isDefault && <span class="badge blog-default">Default</span>}
      </div>
      <p class="blog-meta">
        <span class="blog-kind">{KIND[d.kind]}</span> · <span class="blog-site">{d.site}</span>
      </p>
      <fieldset class="settings-field blog-status">
        <legend>Send weeknotes as</legend>
        <div class="settings-choices">
          {(Object.entries(STATUS_LABELS) as [Destination['postStatus'], string][]).map(
            ([value, label]) => (
              <label key={value} class="flag">
                <input
                  type="radio"
                  name={`blog-status-${d.id}`}
                  checked={d.postStatus === value}
                  onChange={() => keep(setDestinationPostStatus(d.id, value).then(() => undefined))}
                />
                {label}
              </label>
            ),
          )}
        </div>
      </fieldset>
      {confirming ? (
        <div class="blog-confirm" role="group" aria-labelledby={`blog-confirm-${d.id}`}>
          <p id={`blog-confirm-${d.id}`}>
            <strong>Remove {d.name} from this device?</strong> {credential} Posts already on the
            blog stay there.
          </p>
          <div
            class="row"
            onKeyDown={(e) => {
              if (e.key === 'Escape') setConfirming(false);
            }}
          >
            <button type="button" class="danger" ref={confirmRef} onClick={() => void remove()}>
              {d.kind === 'wordpress'
                ? 'Remove and forget the password'
                : 'Remove and forget the sign-in'}
            </button>
            <button type="button" class="secondary" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </div>
        </div>
      ) : (
        <div class="row">
          {!d.isDefault && (
            <button
              type="button"
              class="small"
              aria-label={`Make default: ${d.name}`}
              onClick={() => keep(setDefaultDestination(d.id))}
            >
              Make default
            </button>
          )}
          <button
            type="button"
            class="small danger"
            ref={removeRef}
            aria-label={`Remove ${d.name}`}
            onClick={() => setConfirming(true)}
          >
            Remove
          </button>
        </div>
      )}
    </li>
  );
}
