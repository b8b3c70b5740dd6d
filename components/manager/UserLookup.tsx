import { i18n } from '#i18n';
import { Avatar } from '@/components/Avatar';
import { shownAccountName } from '@/components/account-words';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { sendMessage, type UserView } from '@/lib/messaging';
import { withoutBidiControls } from '@/lib/text/bidi';
import { errorOf, errorText, missingAccountText } from '@/components/error-text';
import { useReadRetry } from '@/components/use-read-retry';
import { readKey } from '@/lib/services/read-retries';
import { timeOf } from './format';
import { usernameFrom } from './accounts';

interface Props {
  accountId: string;
  /** The field's label ("Mute an account by @username"): its accessible name, and its words on screen unless `shownLabel`. */
  label: string;
  /**
   * The label as shown, when it holds X's text (a list's name, in a `<bdi>` with its own marks: components/isolated-words.ts);
   * `label` then holds the same words without bidi marks and names the field.
   */
  shownLabel?: ReactNode;
  /** The action button's accessible name once the account is shown ("Mute @gracehop"). */
  actionLabel: (user: UserView) => string;
  /** Its visible text ("Mute"). */
  actionShort: string;
  /** Why the action makes no sense for this account ("@gracehop is already muted."), if it does not. */
  unavailable?: (user: UserView) => string | undefined;
  /** Does it; true when it was accepted (the form then clears). */
  onAct: (user: UserView) => Promise<boolean>;
  /** A line under the field (e.g. X's rule that members are added one at a time). */
  hint?: string;
  /**
   * Where the action happens instead, when the person's X app may not do it (X reserves blocking for Enterprise
   * apps): the shown account gets a link to that page rather than a button that X would refuse.
   */
  elsewhere?: (user: UserView) => { href: string; label: string };
}

type Found =
  { state: 'idle' } | { state: 'looking'; username: string } | { state: 'found'; user: UserView } | { state: 'error'; message: string };

/**
 * Acting on an account by @username, one at a time: the account is looked up on X first and shown — avatar, name,
 * @username — so the person sees exactly who they are about to mute, block or add before they press the button.
 */
export function UserLookup({ accountId, label, shownLabel, actionLabel, actionShort, unavailable, onAct, hint, elsewhere }: Props) {
  const id = useId();
  const [input, setInput] = useState('');
  const [found, setFound] = useState<Found>({ state: 'idle' });
  const [busy, setBusy] = useState(false);
  // X not answering the lookup (a 5xx, no answer; getUsersByUsername): Perch's next try, while it waits.
  const looking = found.state === 'looking' ? found.username : '';
  const retry = useReadRetry(accountId, readKey('GET', `/2/users/by/username/${looking}`), !!looking);
  const inputRef = useRef<HTMLInputElement>(null);
  const actRef = useRef<HTMLButtonElement>(null);
  // A request to move the focus to the action button, met once React has drawn it (and enabled it again): a frame
  // callback could run before that in Firefox, and the focus stayed in the field.
  const [focusAct, setFocusAct] = useState(0);
  useEffect(() => {
    if (focusAct) actRef.current?.focus();
  }, [focusAct]);

  async function lookUp(event: FormEvent) {
    event.preventDefault();
    if (found.state === 'looking') return;
    const username = usernameFrom(input);
    if (!username) {
      setFound({ state: 'error', message: i18n.t('lookup_invalid') });
      return;
    }
    setFound({ state: 'looking', username });
    try {
      const user = await sendMessage({ type: 'user.lookup', accountId, username });
      setFound({ state: 'found', user });
      // The person's next step is the action button (or Tab past it): take them there.
      setFocusAct((n) => n + 1);
    } catch (e) {
      const error = errorOf(e);
      const message = error.kind === 'not-found' ? missingAccountText(username, error.message) : errorText(error);
      setFound({ state: 'error', message });
    }
  }

  async function act(user: UserView) {
    setBusy(true);
    try {
      if (await onAct(user)) {
        setInput('');
        setFound({ state: 'idle' });
        inputRef.current?.focus();
        return;
      }
    } finally {
      setBusy(false);
    }
    // Not done (cancelled at its confirmation, or refused): back to the button, enabled again once busy clears.
    setFocusAct((n) => n + 1);
  }

  function clear() {
    setFound({ state: 'idle' });
    inputRef.current?.focus();
  }

  const reason = found.state === 'found' ? unavailable?.(found.user) : undefined;
  return (
    <div className="mgr-lookup">
      <form className="mgr-lookup-form" onSubmit={(e) => void lookUp(e)}>
        <label htmlFor={`${id}-username`}>{shownLabel ?? label}</label>
        <div className="row">
          <input
            id={`${id}-username`}
            ref={inputRef}
            type="text"
            className="mgr-lookup-input"
            autoComplete="off"
            spellCheck={false}
            placeholder={i18n.t('lookup_placeholder')}
            aria-label={shownLabel === undefined ? undefined : label}
            aria-describedby={hint ? `${id}-hint` : undefined}
            aria-invalid={found.state === 'error' || undefined}
            value={input}
            onChange={(e) => {
              setInput(e.target.value);
              if (found.state !== 'looking') setFound({ state: 'idle' });
            }}
          />
          {/* Not natively disabled while it looks (Firefox drops the focus from a disabled button to the page): it says it
              cannot be pressed, and a submit then does nothing. */}
          <button type="submit" disabled={!input.trim()} aria-disabled={found.state === 'looking' || undefined}>
            {i18n.t('lookup_button')}
          </button>
        </div>
        {hint ? (
          <p id={`${id}-hint`} className="note">
            {hint}
          </p>
        ) : null}
      </form>
      <div className="mgr-lookup-result" aria-live="polite">
        {found.state === 'looking' ? <p className="muted">{i18n.t('lookup_looking', { username: found.username })}</p> : null}
        {retry && looking ? <p className="note">{i18n.t('lookup_retrying', { username: looking, time: timeOf(retry.at) })}</p> : null}
        {found.state === 'error' ? (
          <p className="error" role="alert">
            {found.message}
          </p>
        ) : null}
        {found.state === 'found' ? (
          <div className="mgr-user-card" role="group" aria-label={i18n.t('lookup_found', { username: found.user.username })}>
            <UserIdentity user={found.user} />
            {reason ? <p className="muted mgr-lookup-reason">{reason}</p> : null}
            <div className="row">
              {elsewhere && !reason ? (
                <a className="quick-link" href={elsewhere(found.user).href} target="_blank" rel="noreferrer">
                  {elsewhere(found.user).label}
                </a>
              ) : (
                <button
                  type="button"
                  className="primary"
                  ref={actRef}
                  aria-label={actionLabel(found.user)}
                  disabled={!!reason}
                  aria-disabled={busy || undefined}
                  onClick={() => {
                    if (!busy) void act(found.user);
                  }}
                >
                  {actionShort}
                </button>
              )}
              <button type="button" aria-label={i18n.t('lookup_clear', { username: found.user.username })} onClick={clear}>
                {i18n.t('lookup_clear_short')}
              </button>
            </div>
          </div>
        ) : null}
      </div>
    </div>
  );
}

/**
 * Avatar, name and @username of an account (and a lock when it is protected). A stored account whose name does not
 * read shows its @username in the name's place, once; one whose @username does not read either, "Unknown account".
 */
export function UserIdentity({ user }: { user: { name: string; username: string; profileImageUrl?: string; protected?: boolean } }) {
  const name = shownAccountName(user);
  const both = !!user.name && !!user.username;
  return (
    <div className="mgr-identity">
      <Avatar url={user.profileImageUrl} name={user.name} username={user.username} size={32} lazy />
      {/* Each line is cut with an ellipsis when long: the title shows the whole name and @username, without the
          name's direction marks (a U+202E would reverse the @username after it; a screen reader reads them). */}
      <span className="mgr-identity-names" title={withoutBidiControls(both ? `${name} @${user.username}` : name)}>
        <span className="mgr-identity-name">
          <bdi>{name}</bdi>
        </span>
        <span className="muted">
          {both ? <bdi>@{user.username}</bdi> : ''}
          {user.protected ? <span className="mgr-badge">{i18n.t('lookup_protected')}</span> : null}
        </span>
      </span>
    </div>
  );
}
