import { i18n } from '#i18n';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { ExportFormat } from '@/lib/export';

const ITEMS: { format: ExportFormat; label: () => string }[] = [
  { format: 'json', label: () => i18n.t('export_json') },
  { format: 'csv', label: () => i18n.t('export_csv') },
  { format: 'md', label: () => i18n.t('export_markdown') },
];

function itemsOf(menu: HTMLElement | null): HTMLButtonElement[] {
  return [...(menu?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
}

/**
 * One "Export" button that opens a menu of the formats (the WAI-ARIA menu button pattern): the button says it has a
 * menu and whether it is open; the menu takes the focus on its first item, the arrow keys, Home and End move in it,
 * Escape closes it and gives the focus back to the button, Tab or a click elsewhere closes it.
 */
export function ExportMenu({ enabled, exportAs }: { enabled: boolean; exportAs: (format: ExportFormat) => void }) {
  const [open, setOpen] = useState(false);
  const ids = { button: useId(), menu: useId() };
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const [focusAt, setFocusAt] = useState(0);

  const items = () => itemsOf(menuRef.current);

  useEffect(() => {
    if (open) itemsOf(menuRef.current)[focusAt]?.focus();
  }, [open, focusAt]);

  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent) => {
      const target = e.target as Node | null;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);

  if (open && !enabled) setOpen(false);

  function openAt(index: number) {
    setFocusAt(index);
    setOpen(true);
  }

  function close(refocus: boolean) {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  }

  function onButtonKey(e: KeyboardEvent<HTMLButtonElement>) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      openAt(e.key === 'ArrowDown' ? 0 : ITEMS.length - 1);
    }
  }

  function onMenuKey(e: KeyboardEvent<HTMLUListElement>) {
    const at = items().indexOf(document.activeElement as HTMLButtonElement);
    const move = (i: number) => {
      e.preventDefault();
      setFocusAt((i + ITEMS.length) % ITEMS.length);
      items()[(i + ITEMS.length) % ITEMS.length]?.focus();
    };
    if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(ITEMS.length - 1);
    else if (e.key === 'Escape') {
      e.preventDefault();
      close(true);
    } else if (e.key === 'Tab') close(false);
  }

  return (
    <div className="export-menu">
      <button
        ref={buttonRef}
        id={ids.button}
        type="button"
        className="export-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={ids.menu}
        disabled={!enabled}
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={onButtonKey}
      >
        {i18n.t('export_label')}
        <span className="export-menu-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      <ul
        ref={menuRef}
        id={ids.menu}
        role="menu"
        aria-labelledby={ids.button}
        className="export-menu-list"
        hidden={!open}
        onKeyDown={onMenuKey}
      >
        {ITEMS.map(({ format, label }, i) => (
          <li key={format} role="none">
            <button
              type="button"
              role="menuitem"
              tabIndex={i === focusAt ? 0 : -1}
              onClick={() => {
                close(true);
                exportAs(format);
              }}
            >
              {label()}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
