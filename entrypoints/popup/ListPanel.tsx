import { i18n } from '#i18n';
import { useCallback, useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { actionPhase, phaseNote } from '@/components/manager/action-state';
import { thrownText } from '@/components/error-text';
import { isolatedWords } from '@/components/isolated-words';
import { offersPin } from '@/components/manager/lists/list-rules';
import { Phrases } from '@/components/Phrases';
import { sendMessage, type ActionBrief, type ActionRequest } from '@/lib/messaging';
import type { ListContext } from '@/lib/services/list-context';
import { watchOutbox } from '@/lib/services/outbox-feed';
import { watchTables } from '@/lib/store-changes';
import { withoutBidiControls } from '@/lib/text/bidi';
import { ActionButton } from './ActionButton';
import { act, latest } from './act';
import { managerPageUrl, openManager } from './open-manager';
import { ProblemLine } from './ProblemLine';
import { TabFollower } from './tab-follower';
import { useOwnActions } from './use-own-actions';

/** What X did, once it did it: the sentence under the buttons for a finished pin or follow. */
const DONE: Record<string, () => string> = {
  'list.pin': () => i18n.t('popup_list_pinned'),
  'list.unpin': () => i18n.t('popup_list_unpinned'),
  'list.follow': () => i18n.t('popup_list_followed'),
  'list.unfollow': () => i18n.t('popup_list_unfollowed'),
};

/** The types that turn a button on (Pin, Follow); their opposites turn it off. */
const ON = new Set(['list.pin', 'list.follow']);

const unsettled = (a: ActionBrief | undefined) => a?.state === 'queued' || a?.state === 'sending';

/**
 * One action's note: what it is doing (sending, queued, refused with X's reason), or what X did when that is news
 * (`news`: clicked here or seen on its way while the popup is open, not a pin made in the manager a month ago) and
 * still the state its button shows (`shownOn`: pressed), not a pin the store has since seen undone on x.com.
 */
function Note({ id, action, shownOn, news }: { id: string; action: ActionBrief | undefined; shownOn: boolean; news: boolean }) {
  const phase = action ? actionPhase(action, undefined, Date.now()) : undefined;
  const failed = phase?.kind === 'failed';
  const done = (a: ActionBrief) => (news && ON.has(a.type) === shownOn ? DONE[a.type]?.() : undefined);
  const text = !action || !phase ? undefined : phase.kind === 'done' ? done(action) : phaseNote(phase);
  return (
    <p id={id} className={failed ? 'quick-note error' : 'quick-note'} role={failed ? 'alert' : 'status'}>
      <Phrases text={text} />
    </p>
  );
}

/**
 * The list as the background's store holds it (`tab.list`; the popup carries no store), kept current as the post
 * and profile panels keep theirs (tab-follower.ts): an action's moves from the outbox's publications, the stored
 * state read again when one settles, and read again each time a page of the extension writes the lists or users
 * (a sync, the manager): one read at a time, one more after it if asked meanwhile, each answer shown. No timer.
 * `error`: the last read failed (shown with the list already on screen, until a read works).
 */
function useListContext(accountId: string, listId: string) {
  const [context, setContext] = useState<ListContext>();
  const [error, setError] = useState<string>();
  const [follower] = useState(
    () =>
      new TabFollower<ListContext>({
        read: () => sendMessage({ type: 'tab.list', accountId, listId }),
        watch: (onChange) => watchOutbox(accountId, onChange),
        show: (next, read) => {
          setContext(next);
          // A failed read stays said until a read works: a click moves the buttons along, not the read.
          if (read) setError(undefined);
        },
        fail: (e) => setError(thrownText(e)),
      }),
  );
  // The panel is keyed by account and list (App.tsx), so one follower serves its whole life.
  useEffect(() => {
    const stop = follower.start();
    const unwatch = watchTables(['lists', 'users'], () => void follower.refresh());
    return () => {
      unwatch();
      stop();
    };
  }, [follower]);
  const track = useCallback((seq: number, type: string) => follower.track(seq, type), [follower]);
  const refresh = useCallback(() => follower.refresh(), [follower]);
  return { context, error, track, refresh };
}

/**
 * Quick actions on the list in the current tab (`x.com/i/lists/ID`): its name and owner from the store when Perch
 * synced it (nothing is read from X on open: reads are billed), Follow / Unfollow (not one's own list) and Pin /
 * Unpin (a List one owns, follows or has pinned: X pins only those), through the outbox like the manager's (POST /2/users/{id}/followed_lists, x-api--lists--follow-list;
 * POST /2/users/{id}/pinned_lists, x-api--lists--pin-list), and Open in Perch on the manager's Lists tab. A list
 * the store does not hold claims no state: Follow and Pin, and the note says what X did. The store is read in the
 * background (messages), so the popup never loads it.
 */
export function ListPanel({ accountId, listId }: { accountId: string; listId: string }) {
  const { context, error: readError, track: trackAny, refresh } = useListContext(accountId, listId);
  // As on a post or a profile: an action from elsewhere is shown on its way and in its button's state, a failure only
  // if clicked here; its end is said only if news (`news`: clicked here, or seen on its way while this popup is open).
  const { actions, track, news } = useOwnActions(context?.actions ?? [], trackAny);
  const [problem, setProblem] = useState<string>();
  const notes = useId();
  const [windowId, setWindowId] = useState<number>();
  useEffect(() => {
    browser.windows.getCurrent().then(
      (w) => setWindowId(w.id),
      () => undefined,
    );
  }, []);

  // The first read failed: nothing to show but the failure, and Read again.
  if (!context && readError) return <ProblemLine problem={undefined} readFailed={readError} read={refresh} />;
  if (!context) return <p aria-busy="true">{i18n.t('popup_list_loading')}</p>;
  const { list } = context;

  const pinRow = latest(actions, 'list.pin', 'list.unpin');
  const followRow = latest(actions, 'list.follow', 'list.unfollow');
  // While an action is on its way (or settled but not yet read again) its button shows what it asks; then the
  // stored state the read after it brings. Unstored, a finished action says what X did.
  const state = (flag: 'pinned' | 'followed', row: ActionBrief | undefined, on: string): boolean =>
    unsettled(row) ? row!.type === on : list ? list[flag] : row?.state === 'done' && row.type === on;
  const pinned = state('pinned', pinRow, 'list.pin');
  const followed = state('followed', followRow, 'list.follow');
  const ref = list ? { listId, listName: list.name } : { listId };
  const run = (action: ActionRequest) => void act(accountId, action, track).then(setProblem);
  const title = list ? list.name : i18n.t('popup_list_unknown');

  return (
    <section className="list-panel" aria-label={withoutBidiControls(title)}>
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
            <bdi>{isolatedWords((m) => i18n.t('popup_list_owner', [m(0), m(1)]), [list.owner.name, list.owner.username])}</bdi>
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
            onClick={() => run({ type: followed ? 'list.unfollow' : 'list.follow', params: ref })}
          />
        )}
        {/* As in the manager: X pins only Lists one owns or follows (an unstored List claims nothing, so offers it). */}
        {list && !offersPin({ owned: list.owned, followed, pinned }) ? null : (
          <ActionButton
            icon="list"
            label={pinned ? i18n.t('popup_list_unpin') : i18n.t('popup_list_pin')}
            otherLabels={[i18n.t('popup_list_pin'), i18n.t('popup_list_unpin')]}
            pressed={pinned}
            noteId={`${notes}-pin`}
            onClick={() => run({ type: pinned ? 'list.unpin' : 'list.pin', params: ref })}
          />
        )}
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
        {list?.owned ? null : <Note id={`${notes}-follow`} action={followRow} shownOn={followed} news={!!followRow && news(followRow)} />}
        <Note id={`${notes}-pin`} action={pinRow} shownOn={pinned} news={!!pinRow && news(pinRow)} />
      </div>
      {/* The person's last click refused, or the last read of the list failed (the list stays on screen). */}
      <ProblemLine problem={problem} readFailed={readError} read={refresh} />
    </section>
  );
}
