import { useState } from 'preact/hooks';
import type { Draft, Moment } from '../storage/records';
import type { Week } from '../week/iso-week';
import { ChecklistPanel } from './ChecklistPanel';
import { ConflictPanel } from './ConflictPanel';
import { ExportActions } from './ExportActions';
import { NewMomentsPanel } from './NewMomentsPanel';
import { PublishControls } from './PublishControls';
import { renderMarkdown } from './render-markdown';
import { useDurableDraft } from './use-durable-draft';
import { countWords, readingTime } from './word-count';

const SAVE_TEXT = { saved: 'Saved on this device', saving: 'Saving…', failed: 'Not saved' };

interface Props {
  draft: Draft;
  week: Week;
  moments: Moment[];
}

/** Markdown editing with a live, sanitized preview; every keystroke is kept. */
export function DraftEditor({ draft, week, moments }: Props) {
  const text = useDurableDraft(draft);
  const [view, setView] = useState<'write' | 'preview'>('write');
  const words = countWords(text.body);
  const current = { ...draft, title: text.title, body: text.body };

  return (
    <>
      <label for="draft-title" class="visually-hidden">
        Title
      </label>
      <input
        id="draft-title"
        class="draft-title"
        value={text.title}
        onInput={(e) => text.change({ title: e.currentTarget.value })}
      />
      <p class="draft-meta">
        <span role="status">{SAVE_TEXT[text.saveState]}</span> · {words}{' '}
        {words === 1 ? 'word' : 'words'} · {readingTime(words)}
      </p>
      <ConflictPanel draft={draft} body={text.body} onBody={(body) => text.change({ body })} />
      <ChecklistPanel draft={draft} body={text.body} onBody={(body) => text.change({ body })} />
      <NewMomentsPanel
        draft={draft}
        week={week}
        moments={moments}
        body={text.body}
        onBody={(body) => text.change({ body })}
      />
      <div class="tabs" role="group" aria-label="View">
        <button
          type="button"
          aria-pressed={view === 'write'}
          class="secondary"
          onClick={() => setView('write')}
        >
          Write
        </button>
        <button
          type="button"
          aria-pressed={view === 'preview'}
          class="secondary"
          onClick={() => setView('preview')}
        >
          Preview
        </button>
      </div>
      <div class={`editor-panes ${view}`}>
        <div class="pane-write">
          <label for="draft-body" class="visually-hidden">
            Weeknote in Markdown
          </label>
          <textarea
            id="draft-body"
            class="draft-body"
            value={text.body}
            spellcheck
            onInput={(e) => text.change({ body: e.currentTarget.value })}
          />
        </div>
        <section class="pane-preview" aria-label="Preview">
          <h1 class="preview-title">{text.title}</h1>
          <div class="preview" dangerouslySetInnerHTML={{ __html: renderMarkdown(text.body) }} />
        </section>
      </div>
      <ExportActions draft={current} moments={moments} />
      <PublishControls draft={draft} />
    </>
  );
}
