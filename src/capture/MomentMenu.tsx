import type { Ref } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { BinIcon, EditIcon, MoreIcon } from './icons';
import './moment-menu.css';

interface Props {
  /** "More actions for moment from 09:14". */
  label: string;
  onEdit: () => void;
  onDelete: () => void;
  buttonRef?: Ref<HTMLButtonElement>;
}

/**
 * A moment's "⋯" menu button with Edit and Delete, following the ARIA menu button pattern:
 * Enter, Space or ArrowDown open it on the first item, ArrowUp on the last; arrows, Home and End
 * move; Escape closes it and returns focus to the button; Tab or a tap elsewhere closes it.
 */
export function MomentMenu({ label, onEdit, onDelete, buttonRef }: Props) {
  const [open, setOpen] = useState<false | 'first' | 'last'>(false);
  const wrap = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const buttonId = `${menuId}-button`;

  const items = (): HTMLElement[] =>
    Array.from(wrap.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
  const button = (): HTMLElement | null | undefined =>
    wrap.current?.querySelector<HTMLElement>('.menu-button');

  useEffect(() => {
    if (!open) return;
    const list = items();
    (open === 'first' ? list[0] : list.at(-1))?.focus();
    const away = (e: Event): void => {
      if (!wrap.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);

  function close(refocus: boolean): void {
    setOpen(false);
    if (refocus) button()?.focus();
  }

  function choose(action: () => void): void {
    setOpen(false);
    action();
  }

  function onMenuKey(e: KeyboardEvent): void {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLElement);
    const move = (to: number): void => {
      e.preventDefault();
      list[(to + list.length) % list.length]?.focus();
    };
    if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(list.length - 1);
    else if (e.key === 'Escape') {
      e.preventDefault();
      close(true);
    } else if (e.key === 'Tab') close(false);
  }

  return (
    <div
      class="moment-menu"
      ref={wrap}
      onFocusOut={(e) => {
        const next = e.relatedTarget as Node | null;
        if (open && next && !wrap.current?.contains(next)) setOpen(false);
      }}
    >
      <button
        type="button"
        id={buttonId}
        ref={buttonRef}
        class="menu-button"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open !== false}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : setOpen('first'))}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setOpen(e.key === 'ArrowDown' ? 'first' : 'last');
          } else if (e.key === 'Escape' && open) close(true);
        }}
      >
        <MoreIcon />
      </button>
      {open && (
        <div role="menu" id={menuId} class="menu" aria-labelledby={buttonId} onKeyDown={onMenuKey}>
          <button type="button" role="menuitem" tabIndex={-1} onClick={() => choose(onEdit)}>
            <EditIcon />
            Edit
          </button>
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            class="danger"
            onClick={() => choose(onDelete)}
          >
            <BinIcon />
            Delete
          </button>
        </div>
      )}
    </div>
  );
}
