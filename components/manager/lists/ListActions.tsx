import { i18n } from '#i18n';
import { numberOf } from '@/components/manager/format';
import type { ActionRow, ListRow } from '@/lib/db';
import type { ActionRequest } from '@/lib/messaging';
import { withoutBidiControls } from '@/lib/text/bidi';
import { useLayoutEffect, useRef, type MouseEvent } from 'react';
import { actionPhase, phaseWords } from '../action-state';
import { offersPin } from './list-rules';

/** Runs one action through the outbox; true when the background accepted it. */
export type Act = (action: ActionRequest) => Promise<boolean>;

type Quick = 'pin' | 'follow';

/**
 * The List whose Pin / Follow (or their opposite) was last pressed on a card, and the tab it was pressed in. X's
 * answer moves the card to another section (Owned → Pinned, Followed → Member of), which draws it anew: the button
 * pressed is gone with the focus on it.
 */
let pressed: { listId: string; quick: Quick; view: Element | null } | undefined;

const focusLost = () => !document.activeElement || document.activeElement === document.body;
const noteOf = (view: Element | null) => view?.querySelector<HTMLElement>('.mgr-note');

/**
 * Pin / Unpin (lists one owns or follows: X pins only those; offersPin) and Follow / Unfollow (lists of others), each button
 * naming its list. A card moved by the change takes the focus back on the same button in its new place (Pin pressed:
 * Unpin, under Pinned); one in no section any more leaves it on the tab's status line, which says it and has Undo.
 */
export function ListActions({ list, act }: { list: ListRow; act: Act }) {
  const ref = { listId: list.id, listName: list.name };
  // In labels, the name without its bidi formatting characters: an override in it (U+202E) cannot reverse the words after
  // it for a screen reader, a braille display or voice control.
  const spokenName = withoutBidiControls(list.name);
  const pinRef = useRef<HTMLButtonElement>(null);
  const followRef = useRef<HTMLButtonElement>(null);
  // Layout effects, in the commit that moves the card: the old card leaves the focus on the status line, and the new
  // one, drawn then or later, takes it on to its button, so it never rests on the page.
  useLayoutEffect(() => {
    // The card's buttons, as drawn: still on the page, or already taken off it, when the card goes.
    const row = (pinRef.current ?? followRef.current)?.parentElement;
    const here = pressed?.listId === list.id ? pressed : undefined;
    if (here && (focusLost() || document.activeElement === noteOf(here.view))) {
      // Kept until the person's next press: X's answer can draw the card anew more than once (waiting, then done).
      (here.quick === 'pin' ? pinRef : followRef).current?.focus();
    }
    return () => {
      const gone = pressed?.listId === list.id ? pressed : undefined;
      if (!gone || !(focusLost() || row?.contains(document.activeElement))) return;
      // Until it is drawn again, if ever (X's answer can come in more than one change): the status line, which says it.
      noteOf(gone.view)?.focus();
    };
  }, [list.id]);
  const press = (e: MouseEvent<HTMLButtonElement>, quick: Quick, action: ActionRequest) => {
    const mine = { listId: list.id, quick, view: e.currentTarget.closest('.mgr-view') };
    pressed = mine;
    // Followed until the person's next key or pointer press: after it the focus is theirs to place, and a card of
    // this List drawn later (its page opened, a sync) leaves it where it is.
    const forget = () => {
      if (pressed === mine) pressed = undefined;
      document.removeEventListener('keydown', forget, true);
      document.removeEventListener('pointerdown', forget, true);
    };
    document.addEventListener('keydown', forget, true);
    document.addEventListener('pointerdown', forget, true);
    void act(action);
  };
  return (
    <div className="row mgr-list-actions">
      {offersPin(list) ? (
        <button
          type="button"
          ref={pinRef}
          aria-label={i18n.t(list.pinned ? 'lists_unpin' : 'lists_pin', { name: spokenName })}
          onClick={(e) => press(e, 'pin', { type: list.pinned ? 'list.unpin' : 'list.pin', params: ref })}
        >
          {i18n.t(list.pinned ? 'lists_unpin_short' : 'lists_pin_short')}
        </button>
      ) : null}
      {!list.owned ? (
        <button
          type="button"
          ref={followRef}
          aria-label={i18n.t(list.followed ? 'lists_unfollow' : 'lists_follow', { name: spokenName })}
          onClick={(e) => press(e, 'follow', { type: list.followed ? 'list.unfollow' : 'list.follow', params: ref })}
        >
          {i18n.t(list.followed ? 'lists_unfollow_short' : 'lists_follow_short')}
        </button>
      ) : null}
    </div>
  );
}

/**
 * Private or public (only when X said which: its List's `private` is optional), how many members X counted, and, with
 * `sayMember`, that the person is one of them (a List drawn outside Member of, which then leaves it out).
 */
export function ListFacts({ list, sayMember = false }: { list: ListRow; sayMember?: boolean }) {
  return (
    <span className="mgr-list-facts">
      {list.private !== undefined ? <span className="mgr-badge">{i18n.t(list.private ? 'lists_private' : 'lists_public')}</span> : null}
      {list.memberCount !== undefined ? (
        <span className="muted">{i18n.t('lists_member_count', list.memberCount, [numberOf(list.memberCount)])}</span>
      ) : null}
      {sayMember && list.member ? <span className="muted">{i18n.t('lists_you_are_member')}</span> : null}
    </span>
  );
}

const WAITING: Record<string, (state: string) => string> = {
  'list.pin': (state) => i18n.t('lists_pin_waiting', { state }),
  'list.unpin': (state) => i18n.t('lists_unpin_waiting', { state }),
  'list.follow': (state) => i18n.t('lists_follow_waiting', { state }),
  'list.unfollow': (state) => i18n.t('lists_unfollow_waiting', { state }),
};

/**
 * A pin, unpin, follow or unfollow still waiting for X (its button already shows it): "Pin not on X yet. Queued until
 * 14:02: X’s limit is used up.", "Follow not on X yet. Sending…".
 */
export function ListPinWaiting({ pin }: { pin: ActionRow | undefined }) {
  const words = pin && Object.hasOwn(WAITING, pin.type) ? WAITING[pin.type] : undefined;
  if (!pin || !words) return null;
  return <p className="note">{words(phaseWords(actionPhase(pin, undefined, Date.now())))}</p>;
}
