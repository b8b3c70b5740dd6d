import { i18n } from '#i18n';
import { numberOf } from '@/components/manager/format';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { benchMark } from '@/lib/bench-mark';
import { typesOfFamily } from '@/lib/action-types';
import { db, type ActionRow, type ListRow } from '@/lib/db';
import { ActionNote } from './ActionNote';
import type { ListRequest } from './Manager';
import { isPendingList, listSections, shownAbove, type ListSections } from './lists/list-rules';
import { followsByList, pendingByList, pinnedOnX, pinsByList } from './lists/list-pending';
import { EmptyState, useSyncState } from './EmptyState';
import { SyncBar } from './SyncBar';
import { useTrackedAction, waitingActions } from './use-action-row';
import { useFirstScreen } from './use-first-screen';
import { ViewErrorBoundary } from './ViewErrorBoundary';
import { ListCard } from './lists/ListCard';
import { ListDetail } from './lists/ListDetail';
import { ListForm } from './lists/ListForm';
import { listsReadFromX, listSyncTexts, sectionEmptyText } from './lists/texts';
import { readList, readRows } from './stored-rows';
import { UnreadableRows } from './UnreadableRows';

/** The status line follows the latest list action. */
const LIST_TYPES = typesOfFamily('lists');
const NONE: readonly ActionRow[] = [];

const SECTIONS: { key: keyof ListSections; title: () => string; empty: () => string }[] = [
  { key: 'owned', title: () => i18n.t('lists_section_owned'), empty: () => i18n.t('lists_section_owned_empty') },
  { key: 'pinned', title: () => i18n.t('lists_section_pinned'), empty: () => i18n.t('lists_section_pinned_empty') },
  { key: 'followed', title: () => i18n.t('lists_section_followed'), empty: () => i18n.t('lists_section_followed_empty') },
  { key: 'member', title: () => i18n.t('lists_section_member'), empty: () => i18n.t('lists_section_member_empty') },
];

/**
 * The Lists tab: the lists one owns, pinned, follows and is a member of; sync; create; and, for one list, edit,
 * delete (after an explicit confirmation), pin, follow, members (one account added per click) and a posts preview.
 */
export function ListsView({ accountId, openRequest }: { accountId: string; openRequest?: ListRequest | undefined }) {
  return (
    <ViewErrorBoundary describe={(message) => i18n.t('lists_view_error', { message })} retryLabel={i18n.t('lists_retry')}>
      <Lists accountId={accountId} openRequest={openRequest} />
    </ViewErrorBoundary>
  );
}

function Lists({ accountId, openRequest }: { accountId: string; openRequest: ListRequest | undefined }) {
  const id = useId();
  // Read field by field (stored-rows.ts): a row of another shape draws what it holds, one without its id is counted.
  // With the List actions still waiting for X, in one query: the outbox shows a pin on the List and queues it in one
  // transaction, and a card drawn from one without the other would move to Pinned and back before X answers.
  const stored = useLiveQuery(async () => {
    const [rows, waiting] = await Promise.all([
      db().lists.where('accountId').equals(accountId).toArray(),
      waitingActions(accountId, LIST_TYPES),
    ]);
    return { ...readRows(rows, readList), waiting };
  }, [accountId]);
  const lists = stored?.rows;
  const waiting = stored?.waiting ?? NONE;
  const { seq, undoSeq, act, undo, error } = useTrackedAction(accountId, LIST_TYPES);
  const pendingLists = useMemo(() => pendingByList(waiting), [waiting]);
  // A pin still waiting for X (its limit, its credits) is not on X yet: the List stays where X has it, said waiting.
  const pins = useMemo(() => pinsByList(waiting), [waiting]);
  const follows = useMemo(() => followsByList(waiting), [waiting]);
  const sections = useMemo(() => listSections(lists ?? [], (l) => pinnedOnX(l, pins.get(l.id))), [lists, pins]);
  // Lists one is a member of that a section above already shows: counted under Member of, not drawn twice.
  const memberAbove = useMemo(
    () => (lists ?? []).filter((l) => l.member && shownAbove(l, (p) => pinnedOnX(p, pins.get(p.id)))),
    [lists, pins],
  );
  // A list unfollowed here stays stored until the next sync, but is in no section any more. The count is of X's Lists: one
  // still being created is counted apart, as being created.
  const shown = [...new Set(Object.values(sections).flatMap((s: ListRow[]) => s.map((l) => l.id)))];
  // A thousand lists open at once: the first screen, then the rest (use-first-screen.ts), section by section.
  const drawn = useFirstScreen(SECTIONS.reduce((n, { key }) => n + sections[key].length, 0));
  const drawnOf = (key: keyof ListSections) => {
    const before = SECTIONS.slice(
      0,
      SECTIONS.findIndex((s) => s.key === key),
    ).reduce((n, s) => n + sections[s.key].length, 0);
    return sections[key].slice(0, Math.max(0, drawn - before));
  };
  const [openId, setOpenId] = useState<string>();
  const [creating, setCreating] = useState(false);
  const noteRef = useRef<HTMLDivElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const newRef = useRef<HTMLButtonElement>(null);
  const syncTexts = useMemo(listSyncTexts, []);
  // Until a Lists sync has finished, the sections hold only what was made or acted on in Perch: no count or line of
  // theirs may speak for X (lists/texts.ts).
  const syncState = useSyncState(accountId, 'lists');
  const readFromX = listsReadFromX(syncState);
  useEffect(() => {
    if (lists?.length) benchMark('perch-lists-list');
  }, [lists]);
  // A list asked for by the popup's "Open in Perch" (or the address): opened once it is in the store; a list
  // never synced leaves the tab as it is.
  const handled = useRef<number>(undefined);
  const requestedId = openRequest?.listId;
  const requestedAt = openRequest?.at;
  const requestedKnown = !!requestedId && !!lists?.some((l) => l.id === requestedId);
  useEffect(() => {
    if (!requestedKnown || requestedAt === undefined || handled.current === requestedAt) return;
    handled.current = requestedAt;
    returnTo.current = null;
    setCreating(false);
    setOpenId(requestedId);
  }, [requestedKnown, requestedId, requestedAt]);

  function open(list: ListRow, from: HTMLButtonElement) {
    returnTo.current = from;
    setOpenId(list.id);
  }

  function back(gone = false) {
    // Deleted: the status line (it says the deletion's step) takes the focus before the List's page goes, so the
    // focus never falls to the page between the two.
    if (gone) noteRef.current?.focus();
    setOpenId(undefined);
    // Back to the list's button, or to the status line when the list is gone (deleted): its button is still drawn
    // until the store forgets the List, and focused there the focus would fall to the page with it.
    const to = gone ? null : returnTo.current;
    requestAnimationFrame(() => (to?.isConnected ? to.focus() : noteRef.current?.focus()));
  }

  const openList = openId ? lists?.find((l) => l.id === openId) : undefined;
  return (
    <section className="mgr-view mgr-lists" aria-labelledby={`${id}-title`}>
      <div className="mgr-head">
        <h2 id={`${id}-title`}>{i18n.t('lists_title')}</h2>
        {/* X's count only once Perch has read X's Lists: before, the store holds only what was made or acted on here. */}
        {lists && readFromX ? <span className="muted">{countText(shown.map((id) => ({ id })))}</span> : null}
      </div>
      <SyncBar accountId={accountId} collection="lists" texts={syncTexts} />
      <ActionNote ref={noteRef} accountId={accountId} seq={seq} undoSeq={undoSeq} error={error} onUndo={(s) => void undo(s)} />
      {openId ? (
        <ListDetail
          accountId={accountId}
          listId={openId}
          list={openList}
          pending={openList ? pendingLists.get(openList.id) : undefined}
          pin={openList ? pins.get(openList.id) : undefined}
          follow={openList ? follows.get(openList.id) : undefined}
          act={act}
          onBack={back}
          onActed={() => noteRef.current?.focus()}
        />
      ) : null}
      <div hidden={!!openId}>
        <div className="mgr-create">
          <button type="button" ref={newRef} aria-expanded={creating} onClick={() => setCreating((c) => !c)}>
            {i18n.t('lists_new')}
          </button>
          {creating ? (
            <ListForm
              label={i18n.t('lists_new_form')}
              initial={{ name: '', description: '', private: false }}
              submit={{ short: i18n.t('lists_create_short'), label: i18n.t('lists_create') }}
              onCancel={() => {
                setCreating(false);
                newRef.current?.focus();
              }}
              onSubmit={async (fields) => {
                const ok = await act({
                  type: 'list.create',
                  params: {
                    name: fields.name,
                    ...(fields.description ? { description: fields.description } : {}),
                    private: fields.private,
                  },
                });
                if (ok) {
                  setCreating(false);
                  noteRef.current?.focus();
                }
                return ok;
              }}
            />
          ) : null}
        </div>
        <UnreadableRows count={stored?.unreadable ?? 0} />
        {lists === undefined || syncState === undefined ? (
          <p className="muted" aria-busy="true">
            {i18n.t('lists_loading')}
          </p>
        ) : !lists.length ? (
          <EmptyState accountId={accountId} kind="lists" className="mgr-empty" />
        ) : (
          SECTIONS.map(({ key, title, empty }) => (
            <section key={key} className="mgr-list-section" aria-labelledby={`${id}-${key}`}>
              <SectionHeading
                id={`${id}-${key}`}
                title={title()}
                count={
                  !readFromX
                    ? undefined
                    : key === 'owned' || key === 'followed'
                      ? countWithPinned(sections, key)
                      : key === 'member'
                        ? countMember(sections.member, memberAbove)
                        : sectionCount(sections[key])
                }
              />
              {sections[key].length ? (
                <ul className="mgr-list-items">
                  {drawnOf(key).map((l) => (
                    <ListCard
                      key={l.id}
                      list={l}
                      pending={pendingLists.get(l.id)}
                      pin={pins.get(l.id)}
                      act={act}
                      onOpen={open}
                      sayMember={key !== 'member'}
                    />
                  ))}
                </ul>
              ) : (
                <p className="muted" aria-busy={(!readFromX && syncState?.running) || undefined}>
                  {sectionEmptyText(empty, syncState)}
                </p>
              )}
            </section>
          ))
        )}
      </div>
    </section>
  );
}

const TITLE = '\uE000';

/**
 * "Owned (4)", 「作成したリスト（4件）」: the words and brackets are the locale's, the count after the name drawn muted.
 * Without a count (the Lists not read from X yet), the name alone.
 */
function SectionHeading({ id, title, count }: { id: string; title: string; count: string | undefined }) {
  if (count === undefined) return <h3 id={id}>{title}</h3>;
  const [before = '', after = ''] = i18n.t('lists_section_heading', { title: TITLE, count }).split(TITLE);
  return (
    <h3 id={id}>
      {before}
      {title}
      <span className="muted">{after}</span>
    </h3>
  );
}

/**
 * The Owned and Followed headings' counts: every List one owns (or follows) on X, a pinned one too (it is still one's
 * own, or followed), saying how many of them are shown under Pinned rather than twice: "3; 1 of them under Pinned",
 * then any Perch is still creating: "3; 1 of them under Pinned, and 1 being created".
 */
function countWithPinned(sections: ListSections, key: 'owned' | 'followed'): string {
  const pinned = sections.pinned.filter((l) => (key === 'owned' ? l.owned : l.followed && !l.owned));
  return sectionCount([...sections[key], ...pinned], (onX) =>
    pinned.length ? i18n.t('lists_count_under_pinned', { count: onX, pinned: numberOf(pinned.length) }) : onX,
  );
}

/** Member of's count: every List one is a member of, saying how many of them a section above shows: "3; 2 of them shown above". */
function countMember(member: readonly ListRow[], above: readonly ListRow[]): string {
  return sectionCount([...member, ...above], (onX) =>
    above.length ? i18n.t('lists_count_shown_above', { count: onX, shown: numberOf(above.length) }) : onX,
  );
}

/** "9 lists", or "9 lists (and 1 being created)": X's Lists, and apart from them the ones Perch is still creating. */
function countText(lists: readonly Pick<ListRow, 'id'>[]): string {
  const creating = lists.filter(isPendingList).length;
  const onX = lists.length - creating;
  const count = i18n.t('lists_count', onX, [numberOf(onX)]);
  return creating ? i18n.t('lists_count_creating', creating, [numberOf(creating)], { count }) : count;
}

/**
 * A section heading's count, inside its brackets: "2", or "2, and 1 being created" (「2件、ほかに作成中1件」), never
 * brackets within brackets. `onX` words the Lists on X.
 */
function sectionCount(lists: readonly Pick<ListRow, 'id'>[], onX: (count: string) => string = (count) => count): string {
  const creating = lists.filter(isPendingList).length;
  const count = onX(i18n.t('lists_section_number', { count: numberOf(lists.length - creating) }));
  return creating ? i18n.t('lists_section_count_creating', creating, [numberOf(creating)], { count }) : count;
}
