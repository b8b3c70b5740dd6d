import { i18n } from '#i18n';
import { Fragment, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { AccountView } from '@/lib/storage';
import { Avatar } from './Avatar';
import { itemStartingWith, menuKey, openingIndex } from './account-menu-keys';

interface Props {
  accounts: readonly AccountView[];
  active: AccountView;
  busy: boolean;
  showSettings: boolean;
  onSwitch: (accountId: string) => void;
  onAddAccount: () => void;
  onSettings: () => void;
  /** Opens the sign-out confirmation; the focus is already back on the menu button, where it returns after. */
  onSignOut: () => void;
}

interface Item {
  key: string;
  label: string;
  run: () => void;
}

/**
 * The account menu (WAI-ARIA menu button): a button with the active account's picture, name and @username, which
 * opens a menu of every signed-in account (menuitemradio, the active one checked), then Add an account, Settings and
 * Sign out. Arrow keys, Home and End move; a letter jumps to the item starting with it; Escape closes and gives the
 * focus back to the button; Tab closes and moves on. The menu is in the page only while open.
 */
export function AccountMenu({ accounts, active, busy, showSettings, onSwitch, onAddAccount, onSettings, onSignOut }: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  /** The item to focus once the menu is drawn (set on opening). */
  const [focusOnOpen, setFocusOnOpen] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);

  function close(refocus: boolean) {
    if (refocus) button.current?.focus();
    setOpen(false);
  }

  /** Closes the menu, gives the focus back to the button, then does the item's step. */
  function choose(run: () => void) {
    close(true);
    // While a step is under way (a sign-in window is open, a switch is being written) the items wait for it. The
    // button itself stays enabled: disabling it would drop the focus just given back to it.
    if (!busy) run();
  }

  const entries: Item[] = [
    ...accounts.map((a) => ({
      key: a.id,
      label: `${a.name} @${a.username}`,
      run: () => {
        if (a.id !== active.id) onSwitch(a.id);
      },
    })),
    { key: 'add', label: i18n.t('header_add_account'), run: onAddAccount },
    ...(showSettings ? [{ key: 'settings', label: i18n.t('header_settings'), run: onSettings }] : []),
    { key: 'sign-out', label: i18n.t('header_sign_out'), run: onSignOut },
  ];

  useEffect(() => {
    if (open) items.current[focusOnOpen]?.focus();
  }, [open, focusOnOpen]);

  function openAt(index: number) {
    setFocusOnOpen(index);
    setOpen(true);
  }

  function onButtonKeyDown(e: KeyboardEvent<HTMLButtonElement>) {
    const index = openingIndex(e.key, entries.length);
    if (index === undefined) return;
    e.preventDefault();
    openAt(index);
  }

  function onMenuKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const current = items.current.findIndex((el) => el === document.activeElement);
    const outcome = menuKey(e.key, Math.max(0, current), entries.length);
    if (outcome.do === 'focus') {
      e.preventDefault();
      items.current[outcome.index]?.focus();
    } else if (outcome.do === 'close') {
      e.preventDefault();
      close(true);
    } else if (outcome.do === 'leave') {
      // The focus goes back to the button first, so the browser's own Tab moves on from there, past the menu.
      close(true);
    } else if (!e.ctrlKey && !e.metaKey && !e.altKey) {
      const to = itemStartingWith(
        e.key,
        Math.max(0, current),
        entries.map((x) => x.label),
      );
      if (to !== undefined) {
        e.preventDefault();
        items.current[to]?.focus();
      }
    }
  }

  const accountCount = accounts.length;
  return (
    <div
      className="account-menu-wrap"
      onBlur={(e) => {
        // Clicking or tabbing anywhere outside closes the menu.
        if (open && !e.currentTarget.contains(e.relatedTarget)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        id={`${id}-button`}
        className="account-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        aria-busy={busy}
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={onButtonKeyDown}
      >
        <Avatar url={active.profileImageUrl} name={active.name} username={active.username} size={32} />
        <span className="account-names">
          <span className="account-name">
            <bdi>{active.name}</bdi>
          </span>{' '}
          <span className="account-username">
            <bdi>@{active.username}</bdi>
          </span>
        </span>
        <span className="account-menu-caret" aria-hidden="true" />
      </button>
      {open ? (
        <div
          id={`${id}-menu`}
          role="menu"
          aria-label={i18n.t('header_account')}
          className="account-menu"
          tabIndex={-1}
          onKeyDown={onMenuKeyDown}
        >
          {entries.map((entry, i) => {
            const account = i < accountCount ? accounts[i] : undefined;
            return (
              <Fragment key={entry.key}>
                {i === accountCount ? <div role="separator" className="account-menu-separator" /> : null}
                <button
                  ref={(el) => {
                    items.current[i] = el;
                  }}
                  type="button"
                  role={account ? 'menuitemradio' : 'menuitem'}
                  aria-checked={account ? account.id === active.id : undefined}
                  tabIndex={-1}
                  aria-disabled={busy || undefined}
                  className={account ? 'account-menu-item account-menu-account' : 'account-menu-item'}
                  onClick={() => choose(entry.run)}
                >
                  {account ? (
                    <>
                      <Avatar url={account.profileImageUrl} name={account.name} username={account.username} size={24} />
                      <span className="account-menu-names">
                        <bdi className="account-menu-name">{account.name}</bdi>{' '}
                        <bdi className="account-menu-username">@{account.username}</bdi>
                      </span>
                    </>
                  ) : (
                    entry.label
                  )}
                </button>
              </Fragment>
            );
          })}
        </div>
      ) : null}
    </div>
  );
}
