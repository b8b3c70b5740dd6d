import { i18n } from '#i18n';
import { numberOf } from '@/components/manager/format';
import type { ActionRow, ListRow } from '@/lib/db';
import type { ActionRequest } from '@/lib/messaging';
import { withoutBidiControls } from '@/lib/text/bidi';
import { actionPhase, phaseWords } from '../action-state';

/** Runs one action through the outbox; true when the background accepted it. */
export type Act = (action: ActionRequest) => Promise<boolean>;

/**
 * Pin / Unpin (lists one owns or follows: X pins only those) and Follow / Unfollow (lists of others), each button
 * naming its list.
 */
export function ListActions({ list, act }: { list: ListRow; act: Act }) {
  const ref = { listId: list.id, listName: list.name };
  // In labels, the name without its bidi formatting characters: an override in it (U+202E) cannot reverse the words after
  // it for a screen reader, a braille display or voice control.
  const spokenName = withoutBidiControls(list.name);
  return (
    <div className="row mgr-list-actions">
      {list.owned || list.followed ? (
        <button
          type="button"
          aria-label={i18n.t(list.pinned ? 'lists_unpin' : 'lists_pin', { name: spokenName })}
          onClick={() => void act({ type: list.pinned ? 'list.unpin' : 'list.pin', params: ref })}
        >
          {i18n.t(list.pinned ? 'lists_unpin_short' : 'lists_pin_short')}
        </button>
      ) : null}
      {!list.owned ? (
        <button
          type="button"
          aria-label={i18n.t(list.followed ? 'lists_unfollow' : 'lists_follow', { name: spokenName })}
          onClick={() => void act({ type: list.followed ? 'list.unfollow' : 'list.follow', params: ref })}
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
