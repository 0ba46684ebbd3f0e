import type { RefObject } from 'preact';
import { Icon, type IconName } from '../app/icons';
import { applyEdit, textState } from './apply-edit';
import {
  insertLink,
  moveParagraph,
  toggleBold,
  toggleHeading,
  toggleList,
  type TextEdit,
  type TextState,
} from './editor-commands';

interface Tool {
  label: string;
  icon: IconName;
  keys?: string;
  run: (s: TextState) => TextEdit | null;
}

const FORMAT: Tool[] = [
  { label: 'Heading', icon: 'heading', run: toggleHeading },
  { label: 'Bold', icon: 'bold', keys: 'Control+B', run: toggleBold },
  { label: 'Link', icon: 'link', keys: 'Control+K', run: insertLink },
  { label: 'List', icon: 'list', run: toggleList },
];

const MOVE: Tool[] = [
  { label: 'Move paragraph up', icon: 'up', keys: 'Alt+ArrowUp', run: (s) => moveParagraph(s, -1) },
  {
    label: 'Move paragraph down',
    icon: 'down',
    keys: 'Alt+ArrowDown',
    run: (s) => moveParagraph(s, 1),
  },
];

/** Runs a tool on the textarea; false when it had nothing to do. */
function runTool(box: HTMLTextAreaElement, tool: Tool): boolean {
  const edit = tool.run(textState(box));
  if (!edit) return false;
  applyEdit(box, edit);
  return true;
}

/** The tool a key press in the editor asks for, if any: Ctrl/⌘+B, Ctrl/⌘+K, Alt+↑/↓. */
export function toolForKey(e: KeyboardEvent): Tool | undefined {
  const mod = e.ctrlKey || e.metaKey;
  if (mod && !e.altKey && e.key.toLowerCase() === 'b') return FORMAT[1];
  if (mod && !e.altKey && e.key.toLowerCase() === 'k') return FORMAT[2];
  if (e.altKey && !mod && e.key === 'ArrowUp') return MOVE[0];
  if (e.altKey && !mod && e.key === 'ArrowDown') return MOVE[1];
  return undefined;
}

/** Handles the editor's keyboard shortcuts; returns the tool's label when one ran. */
export function handleEditorKey(e: KeyboardEvent, box: HTMLTextAreaElement): string | null {
  const tool = toolForKey(e);
  if (!tool) return null;
  e.preventDefault();
  return runTool(box, tool) ? tool.label : null;
}

/**
 * Heading, bold, link, list and moving a paragraph. Each edit goes through the browser's own
 * editing, so Ctrl+Z takes it back like typing. Pressing a button keeps the textarea's
 * selection (and, on a phone, its keyboard) where it was.
 */
export function EditorToolbar({
  box,
  onMoved,
}: {
  box: RefObject<HTMLTextAreaElement | null>;
  onMoved: (message: string) => void;
}) {
  const button = (tool: Tool) => (
    <button
      key={tool.label}
      type="button"
      class="tool"
      aria-label={tool.label}
      aria-keyshortcuts={tool.keys}
      title={tool.label}
      onPointerDown={(e) => e.preventDefault()}
      onClick={() => {
        const el = box.current;
        if (!el) return;
        const moved = runTool(el, tool);
        if (tool.icon === 'up' || tool.icon === 'down') {
          onMoved(moved ? `Paragraph moved ${tool.icon}.` : 'No paragraph to swap with.');
        }
      }}
    >
      <Icon name={tool.icon} size={18} />
    </button>
  );
  return (
    <div class="toolbar" role="toolbar" aria-label="Formatting" aria-controls="draft-body">
      {FORMAT.map(button)}
      <span class="toolbar-gap" aria-hidden="true" />
      {MOVE.map(button)}
    </div>
  );
}
