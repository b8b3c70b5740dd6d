import { i18n } from '#i18n';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { actionPhase, phaseNote } from '@/components/manager/action-state';
import { thrownText } from '@/components/error-text';
import { sendMessage, type ActionBrief, type ActionRequest } from '@/lib/messaging';
import type { ListContext } from '@/lib/services/list-context';
import { watchOutbox, type ActionChange } from '@/lib/services/outbox-feed';
import { watchTables } from '@/lib/store-changes';
import { ActionButton } from './ActionButton';
import { managerPageUrl, openManager } from './open-manager';
import { shownState } from './tab-follower';

type Flag = 'pinned' | 'followed';

/** What X did, once it did it: the sentence under the buttons for a finished pin or follow. */
const DONE: Record<string, () => string> = {
  'list.pin': () => i18n.t('popup_list_pinned'),
  'list.unpin': () => i18n.t('popup_list_unpinned'),
  'list.follow': () => i18n.t('popup_list_followed'),
  'list.unfollow': () => i18n.t('popup_list_unfollowed'),
};

/** The flag an action of this popup asks for (pinned after Pin…), while it is on its way or done; else undefined. */
function askedState(action: ActionBrief | undefined, on: string): boolean | undefined {
  if (!action || action.state === 'failed') return undefined;
  return action.type === on;
}

/** One action's note: what it is doing (sending, queued, refused with X's reason), or what X did. */
function Note({ id, action }: { id: string; action: ActionBrief | undefined }) {
  const phase = action ? actionPhase(action, undefined, Date.now()) : undefined;
  const failed = phase?.kind === 'failed';
  const text = !action || !phase ? undefined : phase.kind === 'done' ? DONE[action.type]?.() : phaseNote(phase);
  return (
    <p id={id} className={failed ? 'quick-note error' : 'quick-note'} role={failed ? 'alert' : 'status'}>
      {text}
    </p>
  );
}

const briefOf = (c: ActionChange): ActionBrief => ({
  seq: c.seq,
  type: c.type,
  state: c.state,
  notBefore: c.notBefore,
  ...(c.error ? { error: c.error } : {}),
});

/**
 * The list as the background's store holds it (`tab.list`; the popup carries no store), asked again each time a
 * page of the extension writes the lists or users (the outbox's optimistic change, a sync) and each time an action
 * sent from here moves (its published state, lib/services/outbox-feed.ts): no timer. `undefined` while the first
 * answer is on its way; an answer older than one already shown is dropped.
 */
function useListContext(accountId: string, listId: string, sent: readonly (ActionBrief | undefined)[]) {
  const [context, setContext] = useState<ListContext>();
  const [error, setError] = useState<string>();
  const asked = useRef(0);
  const ask = useCallback(() => {
    const n = ++asked.current;
    sendMessage({ type: 'tab.list', accountId, listId }).then(
      (next) => n === asked.current && (setContext(next), setError(undefined)),
      (e: unknown) => n === asked.current && setError(thrownText(e)),
    );
  }, [accountId, listId]);
  useEffect(() => {
    ask();
    return watchTables(['lists', 'users'], ask);
  }, [ask]);
  const states = sent.map((a) => (a ? `${a.seq}:${a.state}` : '')).join(',');
  const first = useRef(true);
  useEffect(() => {
    if (first.current) return void (first.current = false);
    ask();
  }, [states, ask]);
  return { context, error };
}

/**
 * An action sent from this popup, followed by its number through the outbox's publications (a change published
 * before `action.do` answered counts): `act` sends one, `action` is its latest state, `error` what the background
 * said when it would not take it.
 */
function useSentAction(accountId: string) {
  const [action, setAction] = useState<ActionBrief>();
  const [error, setError] = useState<string>();
  const seen = useRef(new Map<number, ActionChange>());
  useEffect(
    () =>
      watchOutbox(accountId, (changes) => {
        for (const c of changes) seen.current.set(c.seq, c);
        setAction((a) => {
          const c = a ? seen.current.get(a.seq) : undefined;
          return c && (c.state !== a!.state || c.notBefore !== a!.notBefore) ? briefOf(c) : a;
        });
      }),
    [accountId],
  );
  const act = useCallback(
    async (request: ActionRequest) => {
      setError(undefined);
      try {
        const { seq: s } = await sendMessage({ type: 'action.do', accountId, action: request });
        const c = seen.current.get(s);
        setAction(c ? briefOf(c) : { seq: s, type: request.type, state: 'queued', notBefore: 0 });
      } catch (e) {
        setError(thrownText(e));
      }
    },
    [accountId],
  );
  return { action, act, error };
}

/**
 * Quick actions on the list in the current tab (`x.com/i/lists/ID`): its name and owner from the store when Perch
 * synced it (nothing is read from X on open: reads are billed), Follow / Unfollow (not one's own list) and Pin /
 * Unpin, through the outbox like the manager's (POST /2/users/{id}/followed_lists, x-api--lists--follow-list;
 * POST /2/users/{id}/pinned_lists, x-api--lists--pin-list), and Open in Perch on the manager's Lists tab. A list
 * the store does not hold claims no state: Follow and Pin, and the note says what X did. The store is read in the
 * background (messages), so the popup never loads it.
 */
export function ListPanel({ accountId, listId }: { accountId: string; listId: string }) {
  const pin = useSentAction(accountId);
  const follow = useSentAction(accountId);
  const pinRow = pin.action;
  const followRow = follow.action;
  const { context, error: readError } = useListContext(accountId, listId, [pinRow, followRow]);
  const notes = useId();
  const [windowId, setWindowId] = useState<number>();
  useEffect(() => {
    browser.windows.getCurrent().then(
      (w) => setWindowId(w.id),
      () => undefined,
    );
  }, []);

  if (!context && readError)
    return (
      <p className="error" role="alert">
        {readError}
      </p>
    );
  if (!context) return <p aria-busy="true">{i18n.t('popup_list_loading')}</p>;
  const { list } = context;

  // The store's rows change with each action at once (the outbox shows it before X answers), but the popup's copy of
  // them is a message away: while an action from here is on its way its button shows what it asks. Unstored, the
  // action says.
  const state = (flag: Flag, row: ActionBrief | undefined, on: string): boolean | undefined =>
    list ? shownState(list[flag], row, on) : askedState(row, on);
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
          ) : list.owner ? (
            <bdi>{i18n.t('popup_list_owner', [list.owner.name, list.owner.username])}</bdi>
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
