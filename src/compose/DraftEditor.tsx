import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useAppState } from '../app/app-state';
import { Icon } from '../app/icons';
import type { Draft, Moment } from '../storage/records';
import type { Week } from '../week/iso-week';
import { ChecklistPanel } from './ChecklistPanel';
import { ConflictPanel } from './ConflictPanel';
import { EditorToolbar, handleEditorKey } from './EditorToolbar';
import { ExportActions } from './ExportActions';
import { NewMomentsPanel } from './NewMomentsPanel';
import { PublishControls } from './PublishControls';
import { renderMarkdown } from './render-markdown';
import { useDurableDraft } from './use-durable-draft';
import { useMediaQuery } from './use-media-query';
import { useSettled } from './use-settled';
import { WordTarget } from './WordTarget';
import { ThreadsPanel } from '../threads/ThreadsPanel';
import './editor.css';

/** How long the text must rest before the count, preview and save state follow it. */
const SETTLE_MS = 350;
const WIDE = '(min-width: 64rem)';

/** Grows a textarea to fit its text where CSS `field-sizing` cannot, keeping the page still. */
function fitHeight(box: HTMLTextAreaElement | null): void {
  if (!box || CSS.supports('field-sizing', 'content')) return;
  const y = window.scrollY;
  box.style.height = 'auto';
  box.style.height = `${box.scrollHeight + 2}px`;
  window.scrollTo({ top: y });
}

interface Props {
  draft: Draft;
  week: Week;
  moments: Moment[];
  /** Publishing to the writer's blog, given by the app (compose does not depend on publish/). */
  publish?: (draft: Draft) => ComponentChildren;
}

/** The weeknote's editor: Markdown with a toolbar, a live sanitised preview, every keystroke kept. */
export function DraftEditor({ draft, week, moments, publish }: Props) {
  const state = useAppState();
  const text = useDurableDraft(draft);
  const settledBody = useSettled(text.body, SETTLE_MS);
  const wide = useMediaQuery(WIDE);
  const [view, setView] = useState<'write' | 'preview'>('write');
  const [moved, setMoved] = useState('');
  const box = useRef<HTMLTextAreaElement>(null);
  const current = { ...draft, title: text.title, body: text.body };
  const showPreview = wide || view === 'preview';

  useLayoutEffect(() => fitHeight(box.current), [text.body, view]);

  return (
    <>
      <label for="draft-title" class="visually-hidden">
        Title
      </label>
      <input
        id="draft-title"
        class="draft-title"
        value={text.title}
        autoComplete="off"
        onInput={(e) => text.change({ title: e.currentTarget.value })}
      />
      <div class="draft-meta">
        <span class="save-state" data-state={text.saveState}>
          {text.saveState === 'failed' ? (
            'Not saved'
          ) : (
            <>
              <Icon name="check" size={14} /> Saved
            </>
          )}
        </span>
        <WordTarget body={settledBody} target={state.settings.value.wordTarget} />
      </div>
      <ConflictPanel draft={draft} body={text.body} onBody={(body) => text.change({ body })} />
      <ChecklistPanel draft={draft} body={text.body} onBody={(body) => text.change({ body })} />
      <NewMomentsPanel
        draft={draft}
        week={week}
        moments={moments}
        body={text.body}
        onBody={(body) => text.change({ body })}
      />
      <ThreadsPanel
        week={week}
        moments={moments}
        body={text.body}
        settled={settledBody}
        onBody={(body) => text.change({ body })}
      />
      {!wide && (
        <div class="segmented view-switch" role="group" aria-label="View">
          {(['write', 'preview'] as const).map((v) => (
            <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)}>
              {v === 'write' ? 'Write' : 'Preview'}
            </button>
          ))}
        </div>
      )}
      <div class="editor-card">
        {(view === 'write' || wide) && (
          <div class="editor-bar">
            <EditorToolbar box={box} onMoved={setMoved} />
          </div>
        )}
        <div class={`editor-panes ${view}`}>
          <div class="pane-write">
            <label for="draft-body" class="visually-hidden">
              Weeknote in Markdown
            </label>
            <textarea
              id="draft-body"
              ref={box}
              class="draft-body"
              value={text.body}
              spellcheck
              autoCapitalize="sentences"
              onInput={(e) => text.change({ body: e.currentTarget.value })}
              onKeyDown={(e) => {
                const ran = handleEditorKey(e, e.currentTarget);
                if (ran?.startsWith('Move'))
                  setMoved(`${ran.replace('Move paragraph', 'Paragraph moved')}.`);
              }}
            />
          </div>
          {showPreview && (
            <section class="pane-preview" aria-label="Preview">
              <h1 class="preview-title">{text.title}</h1>
              <div
                class="preview prose"
                dangerouslySetInnerHTML={{ __html: renderMarkdown(wide ? settledBody : text.body) }}
              />
            </section>
          )}
        </div>
        <p class="visually-hidden" role="status">
          {moved}
        </p>
      </div>
      {publish?.(current)}
      <ExportActions draft={current} moments={moments} />
      {/* Marking it published by hand, for a blog Weeknotes does not post to. */}
      {!current.post && <PublishControls draft={current} />}
    </>
  );
}
