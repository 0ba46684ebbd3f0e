import { reportProblem, useAppState } from '../app/app-state';
import type { Destination, PublishJob } from '../storage/publishing';
import { retryPublish, stopPublishing } from './service';
import { useOnline } from './use-online';

/** A queued weeknote: waiting, being sent, or stopped by a problem the writer can act on. */
export function JobStatus({ job, destination }: { job: PublishJob; destination?: Destination }) {
  const state = useAppState();
  const online = useOnline();
  const name = destination?.name ?? 'your blog';
  const goesAs = job.postStatus === 'publish' ? 'It will be published.' : 'It will go as a draft.';
  const act = (work: () => Promise<void>) => () =>
    void work().catch((err: unknown) => reportProblem(state, err));

  if (job.state === 'failed' && job.failure) {
    return (
      <div class="blog-job" data-state="failed">
        <p role="alert" class="blog-problem">
          <strong>Not sent yet.</strong> {job.failure.message}
        </p>
        <p class="hint">
          Your weeknote is safe on this device
          {job.failure.retrying ? ' and will be tried again' : ''}.
        </p>
        <div class="row">
          <button type="button" onClick={act(() => retryPublish(job.draftId, new Date()))}>
            Retry now
          </button>
          {job.failure.code === 'uncertain' && (
            <button
              type="button"
              class="secondary"
              onClick={act(() => retryPublish(job.draftId, new Date(), true))}
            >
              Send again
            </button>
          )}
          {[
            'wrong-password',
            'not-signed-in',
            'no-app-passwords',
            'signed-out',
            'no-destination',
            'wrong-user',
          ].includes(job.failure.code) && (
            <a class="button-link secondary" href="/settings#your-blog">
              Blog settings
            </a>
          )}
          <button type="button" class="secondary" onClick={act(() => stopPublishing(job.draftId))}>
            Don't send
          </button>
        </div>
      </div>
    );
  }

  return (
    <div class="blog-job" data-state={job.state}>
      <p role="status">
        {job.state === 'sending' ? (
          <>Publishing to {name}…</>
        ) : (
          <>
            <strong>Waiting to publish</strong> to {name}
            {online
              ? '.'
              : ": you're offline. It goes when you're back online with Weeknotes open."}
          </>
        )}
      </p>
      <p class="hint">{goesAs}</p>
      {job.state === 'waiting' && (
        <button type="button" class="secondary" onClick={act(() => stopPublishing(job.draftId))}>
          Don't send
        </button>
      )}
    </div>
  );
}
