import { showToast, useAppState } from '../app/app-state';
import { downloadFile } from '../app/download';
import type { Draft, Moment } from '../storage/records';
import {
  draftBodyText,
  draftHtml,
  draftTags,
  markdownFile,
  markdownFileName,
  plainMarkdown,
} from './export';

interface Props {
  draft: Draft;
  moments: Moment[];
}

/** Get the weeknote out: a Markdown file, the clipboard (Markdown or rich HTML), or Web Share. */
export function ExportActions({ draft, moments }: Props) {
  const state = useAppState();
  const canShare = typeof navigator.share === 'function';

  async function attempt(work: () => Promise<void>, done: string, failed: string): Promise<void> {
    try {
      await work();
      showToast(state, { message: done });
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
      showToast(state, { message: `${failed} ${(err as Error).message}` });
    }
  }

  return (
    <section class="panel" aria-labelledby="export-heading">
      <h2 id="export-heading">Get it out</h2>
      <div class="row">
        <button
          type="button"
          class="secondary"
          onClick={() =>
            downloadFile(
              markdownFileName(draft),
              markdownFile(draft, draftTags(draft, moments)),
              'text/markdown;charset=utf-8',
            )
          }
        >
          Download Markdown file
        </button>
        <button
          type="button"
          class="secondary"
          onClick={() =>
            void attempt(
              () => navigator.clipboard.writeText(plainMarkdown(draft)),
              'Markdown copied.',
              'Could not copy:',
            )
          }
        >
          Copy Markdown
        </button>
        <button
          type="button"
          class="secondary"
          onClick={() =>
            void attempt(
              () =>
                navigator.clipboard.write([
                  new ClipboardItem({
                    'text/html': new Blob([draftHtml(draft)], { type: 'text/html' }),
                    'text/plain': new Blob([draftBodyText(draft)], { type: 'text/plain' }),
                  }),
                ]),
              'Copied for pasting into your blog editor. The title is left out: it goes in the blog’s own title field.',
              'Could not copy:',
            )
          }
        >
          Copy for blog editor
        </button>
        {canShare && (
          <button
            type="button"
            class="secondary"
            onClick={() =>
              void attempt(
                () => navigator.share({ title: draft.title, text: plainMarkdown(draft) }),
                'Shared.',
                'Could not share:',
              )
            }
          >
            Share…
          </button>
        )}
      </div>
    </section>
  );
}
