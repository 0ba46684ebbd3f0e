import { useEffect, useRef, useState } from 'preact/hooks';
import { showToast, useAppState } from '../app/app-state';
import { useLive } from '../app/use-live';
import { allDestinations, type Destination } from '../storage/publishing';
import { blogHeadingId, ConnectedBlog } from './ConnectedBlog';
import { ConnectMicropub } from './ConnectMicropub';
import { ConnectWordPress } from './ConnectWordPress';
import './blog-settings.css';

type Opening = 'wordpress' | 'micropub';

/**
 * Settings → Your blog: the blogs connected on this device (never synced or backed up, like
 * their passwords), and connecting WordPress or a Micropub site.
 */
export function BlogSettings() {
  const state = useAppState();
  const destinations = useLive(() => allDestinations(), []);
  const [open, setOpen] = useState<Opening | null>(null);
  // Where focus goes once the list or the buttons are back on the page.
  const [focusOn, setFocusOn] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!focusOn) return;
    const target = focusOn === 'heading' ? headingRef.current : document.getElementById(focusOn);
    if (target) {
      target.focus();
      setFocusOn(null);
    }
  }, [focusOn, destinations, open]);

  function connected(destination: Destination): void {
    setOpen(null);
    setFocusOn(blogHeadingId(destination.id));
    showToast(state, { message: `Connected to ${destination.name}.` });
  }

  function cancel(): void {
    setFocusOn(`connect-${open ?? 'wordpress'}`);
    setOpen(null);
  }

  const none = destinations?.length === 0;

  return (
    <section class="settings-card blog-settings" aria-labelledby="blog-settings" id="blog">
      <h2 id="blog-settings" ref={headingRef} tabIndex={-1}>
        Your blog
      </h2>
      {destinations === undefined ? null : none ? (
        <p>
          Publish your weeknote to WordPress or a Micropub site in one tap, even offline: it is sent
          when you’re back online.
        </p>
      ) : (
        <ul class="blog-list" aria-labelledby="blog-settings">
          {destinations.map((d) => (
            <ConnectedBlog
              key={d.id}
              destination={d}
              onRemoved={(name) => {
                setFocusOn('heading');
                showToast(state, { message: `Removed ${name} from this device.` });
              }}
            />
          ))}
        </ul>
      )}
      {open === 'wordpress' ? (
        <ConnectWordPress onConnected={connected} onCancel={cancel} />
      ) : open === 'micropub' ? (
        <ConnectMicropub onCancel={cancel} />
      ) : (
        destinations !== undefined && (
          <div class="row">
            <button
              type="button"
              id="connect-wordpress"
              class={none ? undefined : 'secondary'}
              onClick={() => setOpen('wordpress')}
            >
              Connect WordPress
            </button>
            <button
              type="button"
              id="connect-micropub"
              class="secondary"
              onClick={() => setOpen('micropub')}
            >
              Connect a Micropub site
            </button>
          </div>
        )
      )}
      <p class="hint">
        Blogs and their passwords stay on this device: they are not synced or backed up, so connect
        each device you publish from.
      </p>
    </section>
  );
}
