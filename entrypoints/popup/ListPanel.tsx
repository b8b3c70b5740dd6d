import { i18n } from '#i18n';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { actionPhase, phaseNote } from '@/components/manager/action-state';
import { useActionRow, useTrackedAction } from '@/components/manager/use-action-row';
import { db, type ActionRow } from '@/lib/db';
import type { ActionRequest } from '@/lib/messaging';
import { ActionButton } from './ActionButton';
import { managerPageUrl, openManager } from './open-manager';

type Flag = 'pinned' | 'followed';

/** What X did, once it did it: the sentence under the buttons for a finished pin or follow. */
const DONE: Record<string, () => string> = {
  'list.pin': () => i18n.t('popup_list_pinned'),
  'list.unpin': () => i18n.t('popup_list_unpinned'),
  'list.follow': () => i18n.t('popup_list_followed'),
  'list.unfollow': () => i18n.t('popup_list_unfollowed'),
};

/** The flag an action of this popup asks for (pinned after Pin…), while it is on its way or done; else undefined. */
function askedState(action: ActionRow | undefined, on: string): boolean | undefined {
  if (!action || action.state === 'failed') return undefined;
  return action.type === on;
}

/** One action's note: what it is doing (sending, queued, refused with X's reason), or what X did. */
function Note({ id, action }: { id: string; action: ActionRow | undefined }) {
  const phase = action ? actionPhase(action, undefined, Date.now()) : undefined;
  const failed = phase?.kind === 'failed';
  const text = !action || !phase ? undefined : phase.kind === 'done' ? DONE[action.type]?.() : phaseNote(phase);
  return (
    <p id={id} className={failed ? 'quick-note error' : 'quick-note'} role={failed ? 'alert' : 'status'}>
      {text}
    </p>
  );
}

/**
 * Quick actions on the list in the current tab (`x.com/i/lists/ID`): its name and owner from the store when Perch
 * synced it (nothing is read from X on open: reads are billed), Follow / Unfollow (not one's own list) and Pin /
 * Unpin, through the outbox like the manager's (POST /2/users/{id}/followed_lists, x-api--lists--follow-list;
 * POST /2/users/{id}/pinned_lists, x-api--lists--pin-list), and Open in Perch on the manager's Lists tab. A list
 * the store does not hold claims no state: Follow and Pin, and the note says what X did.
 */
export function ListPanel({ accountId, listId }: { accountId: string; listId: string }) {
  // null: looked up and not stored; undefined: still looking.
  const list = useLiveQuery(async () => (await db().lists.get([accountId, listId])) ?? null, [accountId, listId]);
  const owner = useLiveQuery(
    async () => (list?.ownerId && !list.owned ? ((await db().users.get([accountId, list.ownerId])) ?? null) : null),
    [accountId, list?.ownerId, list?.owned],
  );
  const pin = useTrackedAction(accountId);
  const follow = useTrackedAction(accountId);
  const pinRow = useActionRow(accountId, pin.seq, undefined)?.action;
  const followRow = useActionRow(accountId, follow.seq, undefined)?.action;
  const notes = useId();
  const [windowId, setWindowId] = useState<number>();
  useEffect(() => {
    browser.windows.getCurrent().then(
      (w) => setWindowId(w.id),
      () => undefined,
    );
  }, []);

  if (list === undefined) return <p aria-busy="true">{i18n.t('popup_list_loading')}</p>;

  // The store's rows change with each action at once (the outbox shows it before X answers); unstored, the action says.
  const state = (flag: Flag, row: ActionRow | undefined, on: string): boolean | undefined => (list ? list[flag] : askedState(row, on));
  const pinned = state('pinned', pinRow, 'list.pin') ?? false;
  const followed = state('followed', followRow, 'list.follow') ?? false;
  const ref = list ? { listId, listName: list.name } : { listId };
  const run = (track: typeof pin, action: ActionRequest) => void track.act(action);
  const title = list ? list.name : i18n.t('popup_list_unknown');

  return (
    <section className="list-panel" aria-label={title}>
      <div className="list-card">
        <p className="list-card-name">
          <strong>
            <bdi>{title}</bdi>
          </strong>
        </p>
        <p className="muted">
          {!list ? (
            i18n.t('popup_list_id', [listId])
          ) : list.owned ? (
            i18n.t('popup_list_yours')
          ) : owner ? (
            <bdi>{i18n.t('popup_list_owner', [owner.name, owner.username])}</bdi>
          ) : null}
        </p>
      </div>
      <div className="quick-actions">
        {list?.owned ? null : (
          <ActionButton
            icon="follow"
            label={followed ? i18n.t('popup_list_unfollow') : i18n.t('popup_list_follow')}
            otherLabels={[i18n.t('popup_list_follow'), i18n.t('popup_list_unfollow')]}
            pressed={followed}
            noteId={`${notes}-follow`}
            onClick={() => run(follow, { type: followed ? 'list.unfollow' : 'list.follow', params: ref })}
          />
        )}
        <ActionButton
          icon="list"
          label={pinned ? i18n.t('popup_list_unpin') : i18n.t('popup_list_pin')}
          otherLabels={[i18n.t('popup_list_pin'), i18n.t('popup_list_unpin')]}
          pressed={pinned}
          noteId={`${notes}-pin`}
          onClick={() => run(pin, { type: pinned ? 'list.unpin' : 'list.pin', params: ref })}
        />
        <a
          className="quick-button"
          href={managerPageUrl('lists', listId)}
          onClick={(e) => {
            e.preventDefault();
            void openManager('lists', windowId, listId).then(async (where) => {
              if (where === 'panel' && !(await browser.tabs.getCurrent().catch(() => undefined))) window.close();
            });
          }}
        >
          <span className="quick-label">{i18n.t('popup_list_open')}</span>
        </a>
      </div>
      <div className="quick-notes">
        {list?.owned ? null : <Note id={`${notes}-follow`} action={followRow} />}
        <Note id={`${notes}-pin`} action={pinRow} />
      </div>
      {pin.error || follow.error ? (
        <p className="error" role="alert">
          {pin.error ?? follow.error}
        </p>
      ) : null}
    </section>
  );
}
