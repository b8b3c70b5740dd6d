import { i18n } from '#i18n';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useEffectEvent, useId, useMemo, useRef, useState } from 'react';
import type { ListRow } from '@/lib/db';
import { withoutBidiControls } from '@/lib/text/bidi';
import { sendMessage } from '@/lib/messaging';
import { thrownText } from '@/components/error-text';
import { useReadRetry } from '@/components/use-read-retry';
import { readKey } from '@/lib/services/read-retries';
import { timeOf } from '../format';
import { isolatedWords } from '@/components/isolated-words';
import { accountWho } from '@/components/account-words';
import { ProfileLink } from '../ProfileLink';
import { UserLookup } from '../UserLookup';
import { AccountList, type AccountListHandle } from '../AccountList';
import { firstListMemberUsers, storedListMembers, storedListMembersOf } from '../account-queries';
import { UnreadableRows } from '../UnreadableRows';
import type { Act } from './ListActions';

// `checking`: the read the view made itself, on opening a List Perch made, to learn whether it has members.
type Load = { state: 'idle' } | { state: 'loading'; checking?: true } | { state: 'error'; message: string; checking?: true };

/** The most page tokens one walk through a List's members remembers (X lists hold at most 5,000 members: 50 pages). */
const TOKENS_KEPT = 100;

/**
 * A list's members: read from X only when asked (X bills every account it returns), a page at a time with
 * "Load more"; kept in the store in X's order (most recently added first, as x.com lists them), so the view follows
 * removals and additions at once, and a list of thousands opens on its first rows before the rest is read. The owner adds ONE account
 * by @username — looked up and shown first — per click (X's rules forbid bulk list additions), and removes one
 * with Undo.
 */
export function ListMembers({ accountId, list, act, onActed }: { accountId: string; list: ListRow; act: Act; onActed: () => void }) {
  const id = useId();
  const [nextToken, setNextToken] = useState<string>();
  const [loaded, setLoaded] = useState(false);
  // X gave a next page token it would refuse back: the walk ended there, the members read kept.
  const [stopped, setStopped] = useState(false);
  // X named as the next page one this walk already read (A→B→A): "Load more" would go round for ever, so it ends there.
  const [repeated, setRepeated] = useState(false);
  const asked = useRef(new Set<string>());
  const [load, setLoad] = useState<Load>({ state: 'idle' });
  // X not answering a page of members (a 5xx, no answer; getListsMembers): Perch's next try, while it waits.
  const retry = useReadRetry(accountId, readKey('GET', `/2/lists/${list.id}/members`), load.state === 'loading');
  const moreRef = useRef<HTMLButtonElement>(null);
  const reloadRef = useRef<HTMLButtonElement>(null);
  const rowsRef = useRef<AccountListHandle>(null);
  // Load more read the last page with the focus on it, and goes: the focus goes to the first member X's answer named
  // whose row shows a control (Remove, or Profile on a List the person follows), once the view draws them; or to Reload
  // when no row of that page shows one.
  const [focusMember, setFocusMember] = useState<string>();

  // The first screenful through the position index; the whole list (for "already a member") right after.
  const first = useLiveQuery(() => firstListMemberUsers(accountId, list.id), [accountId, list.id]);
  const firstRead = first !== undefined;
  const all = useLiveQuery(() => (firstRead ? storedListMembers(accountId, list.id) : undefined), [accountId, list.id, firstRead]);
  const stored = all?.members ?? first;
  const members = useMemo(() => stored ?? [], [stored]);
  const memberIds = useMemo(() => new Set(members.map((m) => m.id)), [members]);

  // While a page loads its buttons say so with aria-disabled, not `disabled`: a disabled button drops the keyboard's
  // focus to the page, and Tab would start again from the top.
  async function fetchPage(token?: string, checking?: true) {
    setLoad({ state: 'loading', ...(checking ? { checking } : {}) });
    setFocusMember(undefined);
    try {
      const page = await sendMessage({ type: 'list.members', accountId, listId: list.id, ...(token ? { paginationToken: token } : {}) });
      // The first page starts a new walk; each token used is kept (the oldest let go past the bound), the one just used
      // among them: X naming again the page it just gave is a repeat too.
      const walk = asked.current;
      if (!token) walk.clear();
      else {
        walk.add(token);
        if (walk.size > TOKENS_KEPT) walk.delete(walk.values().next().value!);
      }
      const again = page.nextToken !== undefined && walk.has(page.nextToken);
      const more = moreRef.current;
      const onMore = () => more?.ownerDocument.activeElement === more;
      if (token && (again || !page.nextToken) && onMore()) {
        const to = await firstWithControl(page.users.map((u) => u.id));
        if (onMore()) {
          if (to) setFocusMember(to);
          else reloadRef.current?.focus();
        }
      }
      setNextToken(again ? undefined : page.nextToken);
      setRepeated(again);
      setStopped(!!page.stopped);
      setLoaded(true);
      setLoad({ state: 'idle' });
    } catch (e) {
      setLoad({ state: 'error', message: thrownText(e), ...(checking ? { checking } : {}) });
    }
  }

  /**
   * Of a page's members, in X's order, the first whose row shows a control: any on a List the person owns (Remove, after
   * Profile when the @username reads), one with a readable @username on a List they follow (Profile). Read from the store once the background has answered, it
   * passes over a member whose row is hidden (their removal still waits in the outbox); none when the store does not read.
   */
  async function firstWithControl(ids: string[]): Promise<string | undefined> {
    const stored = await storedListMembersOf(accountId, list.id, ids).catch(() => []);
    return stored.find((m) => list.owned || m.username)?.id;
  }

  // The background stores a page before it answers, so the member found there shows here a moment later, if not already.
  const focusAt = focusMember === undefined ? -1 : members.findIndex((m) => m.id === focusMember);
  useEffect(() => {
    if (focusMember === undefined) return;
    const doc = reloadRef.current?.ownerDocument;
    // The person went on elsewhere meanwhile: where they are is theirs.
    if (doc && doc.activeElement !== doc.body) return setFocusMember(undefined);
    if (focusAt < 0) return;
    rowsRef.current?.focusRow(focusAt);
    setFocusMember(undefined);
  }, [focusMember, focusAt]);

  // A List the person made with Perch that nothing has shown members in since (X's create answer carries no counts, and
  // a new List has none; a sync keeps that only on X's figure of 0, lib/services/sync-lists.ts) holds exactly the members
  // Perch added to it (each add stores its row and moves the count) while X does not have it yet (its create waits in the
  // outbox, under a temporary id): nobody could have added anyone on x.com, so its stored rows, when as many as its
  // count, are all of them, shown at once with Remove, or "no members yet" beside Add, and X is not asked. Once X has
  // it, members may have been added on x.com since any sync read its count (X's write answers carry none): opening it
  // reads its first page of members from X (GET /2/lists/:id/members, getListsMembers), saying it is checking, and
  // shows what X says; if X refuses, it says so and offers Load members, never "no members yet". X's figure of 0 for a
  // List Perch did not make is not that knowledge either: such a List offers Load members.
  const onX = /^\d+$/.test(list.id);
  const made = list.owned && list.knownEmpty === true;
  const known = loaded || (made && !onX && list.memberCount === (all?.members ?? members).length);
  const checkFor = made && onX ? list.id : undefined;
  const checked = useRef<string>(undefined);
  const check = useEffectEvent(() => void fetchPage(undefined, true));
  useEffect(() => {
    // Once for the List, when it is one to check.
    if (checkFor === undefined || checked.current === checkFor) return;
    checked.current = checkFor;
    check();
  }, [checkFor]);
  const ref = { listId: list.id, listName: list.name };
  // In labels, the name without its bidi formatting characters: an override in it (U+202E) cannot reverse the words after
  // it for a screen reader, a braille display or voice control (on screen the name sits in a <bdi>).
  const spokenName = withoutBidiControls(list.name);
  return (
    <section className="mgr-members" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{i18n.t('lists_members_title')}</h3>
      {list.owned ? (
        <UserLookup
          accountId={accountId}
          label={i18n.t('lists_add_label', { name: spokenName })}
          shownLabel={isolatedWords((m) => i18n.t('lists_add_label', { name: m(0) }), [list.name])}
          hint={i18n.t('lists_add_hint')}
          actionShort={i18n.t('lists_add_short')}
          actionLabel={(u) => i18n.t('lists_add', { username: u.username, name: spokenName })}
          unavailable={(u) => (memberIds.has(u.id) ? i18n.t('lists_already_member', { username: u.username }) : undefined)}
          onAct={(u) => act({ type: 'list.addMember', params: { ...ref, userId: u.id, username: u.username } })}
        />
      ) : null}
      <div className="row">
        <button
          ref={reloadRef}
          type="button"
          aria-label={i18n.t(known ? 'lists_members_reload' : 'lists_members_load', { name: spokenName })}
          aria-disabled={load.state === 'loading' || undefined}
          onClick={() => load.state !== 'loading' && void fetchPage()}
        >
          {i18n.t(known ? 'lists_members_reload_short' : 'lists_members_load_short')}
        </button>
        <span className="note">{i18n.t(checkFor ? 'lists_members_cost_made' : 'lists_members_cost')}</span>
      </div>
      <div aria-live="polite">
        {load.state === 'loading' ? (
          <p className="muted">{i18n.t(load.checking ? 'lists_members_checking' : 'lists_members_loading')}</p>
        ) : null}
        {retry ? <p className="note">{i18n.t('lists_members_retrying', { time: timeOf(retry.at) })}</p> : null}
        {stopped && load.state === 'idle' ? <p className="note">{i18n.t('lists_members_stopped', { name: spokenName })}</p> : null}
        {repeated && load.state === 'idle' ? <p className="note">{i18n.t('lists_members_repeated', { name: spokenName })}</p> : null}
        {load.state === 'error' ? (
          <p className="error" role="alert">
            {i18n.t(load.checking ? 'lists_members_check_failed' : 'lists_members_failed', { message: load.message })}
          </p>
        ) : null}
      </div>
      {all ? <UnreadableRows count={all.unreadable} /> : null}
      {stored === undefined ? (
        <p className="muted" aria-busy="true">
          {i18n.t('lists_members_loading')}
        </p>
      ) : members.length ? (
        <AccountList
          entries={members}
          label={i18n.t('lists_members_of', { name: spokenName })}
          mark="perch-members-list"
          handle={rowsRef}
          actions={(m) =>
            list.owned ? (
              <>
                {/* Each member's profile on x.com, on a List one owns as on one one follows (and on Muted and Blocked). */}
                {m.username ? <ProfileLink username={m.username} /> : null}
                <button
                  type="button"
                  aria-label={removeLabel(m, spokenName)}
                  onClick={() =>
                    void act({
                      type: 'list.removeMember',
                      params: { ...ref, userId: m.id, ...(m.username ? { username: m.username } : {}) },
                    }).then((ok) => ok && onActed())
                  }
                >
                  {i18n.t('lists_remove_short')}
                </button>
              </>
            ) : m.username ? (
              // On a List the person follows, each member's profile on x.com, as on Muted and Blocked: a row with nothing to
              // press left a keyboard user no way into the members' scrolled list, nor a place for the focus Load more hands on.
              <ProfileLink username={m.username} />
            ) : null
          }
        />
      ) : (
        // A page of X's with no members can still have a next one: "no members" only once there is none.
        <p className="mgr-empty">
          {i18n.t(
            !known ? 'lists_members_not_loaded' : nextToken || stopped || repeated ? 'lists_members_page_empty' : 'lists_members_empty',
          )}
        </p>
      )}
      {nextToken ? (
        <button
          ref={moreRef}
          type="button"
          aria-label={i18n.t('lists_members_more', { name: spokenName })}
          aria-disabled={load.state === 'loading' || undefined}
          onClick={() => load.state !== 'loading' && void fetchPage(nextToken)}
        >
          {i18n.t('lists_members_more_short')}
        </button>
      ) : null}
    </section>
  );
}

/** Remove's name: the member as their row shows them ("Unknown account" when no name reads), never by id. */
function removeLabel(member: { name: string; username: string }, listName: string): string {
  const who = withoutBidiControls(accountWho(member) ?? '');
  return who ? i18n.t('lists_remove', { who, name: listName }) : i18n.t('lists_remove_unknown', { name: listName });
}
