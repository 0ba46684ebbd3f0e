import { useLocation } from 'preact-iso';
import { useEffect, useRef, useState } from 'preact/hooks';
import { reportProblem, showToast, useAppState } from '../app/app-state';
import { saveDestination } from '../storage/publishing';
import { blogHeadingId } from './ConnectedBlog';
import { PublishError } from './errors';
import { finishSignIn } from './indieauth';
import './blog-settings.css';

/** The address the writer's site sends them back to after signing in (IndieAuth redirect_uri). */
export const SIGNED_IN_PATH = '/settings/blog-signed-in';

/** Puts focus on the element with this id once the next screen shows it (given up after 5 s). */
function focusWhenShown(id: string): void {
  const until = performance.now() + 5000;
  const look = (): void => {
    const el = document.getElementById(id);
    if (el) el.focus();
    else if (performance.now() < until) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

/**
 * Where a Micropub site's sign-in comes back to: swaps the code for a token, keeps the blog, and
 * goes on to Settings. The code leaves the address bar and the history at once.
 */
export function BlogSignedIn() {
  const state = useAppState();
  const { route } = useLocation();
  const [problem, setProblem] = useState<string | null>(null);
  const started = useRef(false);
  const problemRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const params = new URLSearchParams(location.search);
    history.replaceState(history.state, '', SIGNED_IN_PATH);
    void (async () => {
      let signedIn;
      try {
        signedIn = await finishSignIn(params, new Date());
      } catch (err) {
        setProblem(
          err instanceof PublishError
            ? err.message
            : `The sign-in could not be finished${err instanceof Error ? `: ${err.message}` : '.'}`,
        );
        return;
      }
      try {
        await saveDestination(signedIn.destination, signedIn.token);
      } catch (err) {
        reportProblem(state, err);
        setProblem('This device could not keep the connection, so the blog is not connected.');
        return;
      }
      showToast(state, { message: `Connected to ${signedIn.destination.name}.` });
      route('/settings', true);
      focusWhenShown(blogHeadingId(signedIn.destination.id));
    })();
  }, [state, route]);

  useEffect(() => problemRef.current?.focus(), [problem]);

  return (
    <div class="blog-signed-in">
      <h1>Connecting your blog</h1>
      {problem ? (
        <>
          <p class="field-problem" role="alert" tabIndex={-1} ref={problemRef}>
            {problem}
          </p>
          <p>
            <a
              href="/settings"
              // The app's router follows the link; focus then lands on the blog settings.
              onClick={() => focusWhenShown('blog-settings')}
            >
              Back to Settings
            </a>{' '}
            to connect it again.
          </p>
        </>
      ) : (
        <p role="status">Finishing signing in…</p>
      )}
    </div>
  );
}
