import { i18n } from '#i18n';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { ExportFormat } from '@/lib/export';
import { itemStartingWith, menuKey, openingIndex } from '../account-menu-keys';
import './export-menu.css';

type ItemKey = ExportFormat | 'import';
const FORMATS: { key: ExportFormat; label: () => string }[] = [
  { key: 'json', label: () => i18n.t('export_json') },
  { key: 'csv', label: () => i18n.t('export_csv') },
  { key: 'md', label: () => i18n.t('export_markdown') },
];

function itemsOf(menu: HTMLElement | null): HTMLButtonElement[] {
  return [...(menu?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
}

/**
 * One "Export" button that opens a menu of the formats — and, where a collection can take a file back (bookmarks),
 * "Import Perch JSON…" (a file chooser for a file Perch exported). The WAI-ARIA menu button pattern, with the same
 * keys as the account menu (`account-menu-keys.ts`): the button says it has a menu and whether it is open; the menu
 * takes the focus on its first item (ArrowUp on the button: the last), the arrow keys, Home and End move in it, a
 * letter moves to the next item starting with it, Escape closes it and gives the focus back to the button, Tab or a
 * click elsewhere closes it.
 */
export function ExportMenu({
  enabled,
  canExport,
  exportAs,
  onImport,
}: {
  enabled: boolean;
  /** Whether anything is shown to export (Import stays offered when not). */
  canExport: boolean;
  exportAs: (format: ExportFormat) => void;
  /** Offers "Import Perch JSON…" when given. */
  onImport?: (file: File) => void;
}) {
  const [open, setOpen] = useState(false);
  const ids = { button: useId(), menu: useId(), nothing: useId() };
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const [focusAt, setFocusAt] = useState(0);
  const items: { key: ItemKey; label: () => string }[] = onImport
    ? [...FORMATS, { key: 'import', label: () => i18n.t('import_perch_json') }]
    : FORMATS;

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
    const index = openingIndex(e.key, items.length);
    if (index === undefined) return;
    e.preventDefault();
    openAt(index);
  }

  function onMenuKey(e: KeyboardEvent<HTMLUListElement>) {
    const at = Math.max(0, itemsOf(menuRef.current).indexOf(document.activeElement as HTMLButtonElement));
    const focus = (i: number) => {
      e.preventDefault();
      setFocusAt(i);
      itemsOf(menuRef.current)[i]?.focus();
    };
    const outcome = menuKey(e.key, at, items.length);
    if (outcome.do === 'focus') focus(outcome.index);
    else if (outcome.do === 'close') {
      e.preventDefault();
      close(true);
    } else if (outcome.do === 'leave') close(false);
    else if (!e.ctrlKey && !e.metaKey && !e.altKey) {
      const to = itemStartingWith(
        e.key,
        at,
        items.map((x) => x.label()),
      );
      if (to !== undefined) focus(to);
    }
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
      <div className="export-menu-list" hidden={!open}>
        <ul ref={menuRef} id={ids.menu} role="menu" aria-labelledby={ids.button} onKeyDown={onMenuKey}>
          {items.map(({ key, label }, i) => {
            const off = key !== 'import' && !canExport;
            return (
              <li key={key} role="none" className={key === 'import' ? 'export-menu-import' : undefined}>
                <button
                  type="button"
                  role="menuitem"
                  tabIndex={i === focusAt ? 0 : -1}
                  aria-disabled={off || undefined}
                  aria-describedby={off ? ids.nothing : undefined}
                  onClick={() => {
                    if (off) return;
                    close(true);
                    if (key === 'import') fileRef.current?.click();
                    else exportAs(key);
                  }}
                >
                  {label()}
                </button>
              </li>
            );
          })}
        </ul>
        {canExport ? null : (
          <p id={ids.nothing} className="export-menu-nothing">
            {i18n.t('export_nothing_shown')}
          </p>
        )}
      </div>
      {onImport ? (
        <input
          ref={fileRef}
          type="file"
          accept="application/json,.json"
          className="visually-hidden"
          tabIndex={-1}
          aria-label={i18n.t('import_perch_json')}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) onImport(file);
          }}
        />
      ) : null}
    </div>
  );
}
