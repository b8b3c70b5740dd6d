import { i18n } from '#i18n';
import { numberOf } from '@/components/manager/format';
import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { takenOverBy } from '@/lib/action-pairs';
import { unnamedListId, withStoredListName } from '@/lib/action-words';
import { benchMark } from '@/lib/bench-mark';
import { db, type ActionRow } from '@/lib/db';
import { needsPerson } from '@/lib/failed-actions';
import { sendMessage, type Request } from '@/lib/messaging';
import { thrownText } from '@/components/error-text';
import { Phrases } from '@/components/Phrases';
import { withoutBidiControls } from '@/lib/text/bidi';
import { actionLabel, actionPhase, canRetry, canUndo, deletedBy, phaseWords, reversedSince } from './action-state';
import { actedOnLink, useDeletedListIds } from './activity-link';
import { readAction, readRows } from './stored-rows';
import { UnreadableRows } from './UnreadableRows';
import { useFailureSeen } from './use-action-row';
import { useFirstScreen } from './use-first-screen';
import { useNow } from './use-now';
import { When } from './When';

/** What the Activity tab asks the background. */
type ActivityRequest = Extract<Request, { type: 'action.undo' | 'action.cancel' | 'action.retry' | 'actions.retry' }>;

/** The log keeps every action; the tab shows the most recent ones. */
const SHOWN = 300;

/**
 * The Activity tab: the action log of the account, newest first — each action's label and what it is doing
 * ("Queued until 14:05: <why>", "Sending…", "Done", "Failed: <X's reason>"), with Undo for done actions X can
 * reverse. Read live from the outbox, so states change as the background sends.
 */
export function ActivityView({ accountId }: { accountId: string }) {
  const now = useNow();
  // Read field by field (stored-rows.ts): a row of another shape draws what it holds, one without its number is counted.
  const stored = useLiveQuery(
    async () =>
      readRows(
        await db()
          .actions.where('[accountId+seq]')
          .between([accountId, -Infinity], [accountId, Infinity])
          .reverse()
          .limit(SHOWN + 1)
          .toArray(),
        readAction,
      ),
    [accountId],
  );
  const actions = stored?.rows;
  const [message, setMessage] = useState<{ text: string; error?: boolean }>();
  const reversed = useMemo(() => reversedSince(actions ?? []), [actions]);
  // A later like, unlike, mute … of the same thing (the popup's unrepost of a repost done here) took over: lib/action-pairs.ts.
  const later = useMemo(() => takenOverBy(actions ?? []), [actions]);
  // A List's creation and its later deletion (no toggle pair): "Done; being deleted", then "Done, then deleted".
  const deletions = useMemo(() => deletedBy(actions ?? []), [actions]);
  // The Lists X deleted, here or (X said so) on x.com: no action of theirs links to x.com, where they have no page left.
  const goneLists = useDeletedListIds(accountId, actions);
  // The first screen at once, the rest of the SHOWN rows right after (use-first-screen.ts).
  const drawn = useFirstScreen(Math.min(actions?.length ?? 0, SHOWN));
  useEffect(() => {
    if (actions?.length) benchMark('perch-activity-list');
  }, [actions]);
  const shown = useMemo(() => actions?.slice(0, Math.min(SHOWN, drawn)), [actions, drawn]);
  // A List action that did not carry the List's name (pinned from the popup before Perch read the Lists) is named
  // from the store once Perch holds that List; until then its words name it by its id.
  const unnamedIds = useMemo(
    () => [...new Set((actions ?? []).map(unnamedListId).filter((id) => id !== undefined))].sort().join(' '),
    [actions],
  );
  const listNames = useLiveQuery(async () => {
    const ids = unnamedIds ? unnamedIds.split(' ') : [];
    const rows = ids.length ? await db().lists.bulkGet(ids.map((id) => [accountId, id])) : [];
    return new Map(rows.flatMap((l) => (l && typeof l.name === 'string' ? [[l.id, l.name] as const] : [])));
  }, [accountId, unnamedIds]);
  // The failures the toolbar badge counts (lib/failed-actions.ts) are seen once their rows are drawn while the page is
  // in view, each note once, told again when the background refused the telling (createSeenTeller).
  const failing = useMemo(() => shown?.filter((a) => a.seq !== undefined && needsPerson(a)).map((a) => a.seq!), [shown]);
  useFailureSeen(accountId, failing);

  // Every button of the list asks the background one thing; a refusal is said once, above the list.
  const ask = useCallback((request: ActivityRequest) => {
    setMessage(undefined);
    sendMessage(request).catch((e: unknown) => setMessage({ text: thrownText(e), error: true }));
  }, []);
  const onUndo = useCallback((a: ActionRow) => ask({ type: 'action.undo', accountId, seq: a.seq! }), [ask, accountId]);
  const onCancel = useCallback((a: ActionRow) => ask({ type: 'action.cancel', accountId, seq: a.seq! }), [ask, accountId]);
  const onSendAgain = useCallback((a: ActionRow) => ask({ type: 'action.retry', accountId, seq: a.seq! }), [ask, accountId]);
  const onRetry = useCallback(() => ask({ type: 'actions.retry', accountId }), [ask, accountId]);

  if (actions === undefined) {
    return (
      <p className="activity-empty muted" aria-busy="true">
        {i18n.t('activity_loading')}
      </p>
    );
  }
  const unreadable = <UnreadableRows count={stored?.unreadable ?? 0} />;
  if (!actions.length || !shown)
    return (
      <>
        {unreadable}
        <p className="activity-empty">
          <Phrases text={i18n.t('activity_empty')} />
        </p>
      </>
    );
  return (
    <div className="activity-view">
      <div className="activity-message" role="status">
        {message ? <p className={message.error ? 'error' : 'muted'}>{message.text}</p> : null}
      </div>
      {unreadable}
      <ol className="mgr-rows activity-list" aria-label={i18n.t('activity_list_label')}>
        {shown.map((a) => (
          <ActivityItem
            key={a.seq}
            action={a}
            listName={listNames?.get(unnamedListId(a) ?? '')}
            now={now}
            later={later.get(a.seq!)}
            deletion={deletions.get(a.seq!)}
            goneLists={goneLists}
            reversed={reversed}
            onUndo={onUndo}
            onRetry={onRetry}
            onCancel={onCancel}
            onSendAgain={onSendAgain}
          />
        ))}
      </ol>
      {actions.length > SHOWN ? <p className="muted">{i18n.t('activity_latest', [numberOf(SHOWN)])}</p> : null}
    </div>
  );
}

const ActivityItem = memo(function ActivityItem({
  action,
  listName,
  now,
  later,
  deletion,
  goneLists,
  reversed,
  onUndo,
  onRetry,
  onCancel,
  onSendAgain,
}: {
  action: ActionRow;
  /** The name of the List as the store holds it, for a List action that did not carry it. */
  listName: string | undefined;
  now: number;
  /** The later action of its pair on the same thing, if one took over from it: Undo and Retry would repeat or undo it. */
  later: ActionRow | undefined;
  /** For a List's creation, the later deletion of that List, if any (waiting, being sent or done). */
  deletion: ActionRow | undefined;
  /** The Lists X deleted (deletedListIds): their actions have no page on x.com to link to. */
  goneLists: ReadonlySet<string>;
  reversed: ReadonlySet<number>;
  onUndo: (a: ActionRow) => void;
  onRetry: () => void;
  onCancel: (a: ActionRow) => void;
  onSendAgain: (a: ActionRow) => void;
}) {
  // A done action whose Undo (pressed here or on its status line) waits or is being sent is being undone, not undone
  // yet. A later opposite action taken on its own (Remove after Add, in the popup or here) is its own line: this one
  // stays "Done", with no Undo, not "Done, then undone" — nobody pressed its Undo.
  const opposite = later && later.undoOf === action.seq && action.state === 'done' ? later : undefined;
  // A creation is done until X deleted the List (its deletion, or its Undo, may still wait): not "undone" at once.
  const deleting = action.state === 'done' ? deletion : undefined;
  const phase = actionPhase(action, opposite ?? deleting, now);
  const undoable = !later && canUndo(action, phase, reversed);
  const cancelled = action.state === 'failed' && action.error?.kind === 'cancelled';
  // Worded here, in the reader's language, from the action's type and parameters (the background stores no words).
  const named = withStoredListName(action, listName);
  const label = actionLabel(named);
  // Its controls' names carry the words without their direction marks (a name's U+202E, the FSI/PDI isolating it):
  // read aloud or said by voice control they are no words; the row's visible label keeps them, isolated.
  const spoken = withoutBidiControls(label);
  // A List deleted on X has no page left: none of its actions (its creation, pin, change…) links to it.
  const link = linkTo(action, spoken, goneLists);
  const row = useRef<HTMLLIElement>(null);
  const state = useRef<HTMLSpanElement>(null);
  /** One of the row's buttons was pressed: when the new state takes that button away, its focus goes to the state. */
  const pressed = useRef(false);
  // In the commit that takes the button away, before the browser draws it: never a frame with the focus on the page.
  useLayoutEffect(() => {
    if (!pressed.current) return;
    const at = document.activeElement;
    if (at && at !== document.body && row.current?.contains(at)) return;
    pressed.current = false;
    // The button went with the state it belonged to: the words saying the new state keep the focus, not the page.
    if (!at || at === document.body) state.current?.focus();
  });
  const press = (run: () => void) => () => {
    pressed.current = true;
    run();
  };
  return (
    <li ref={row} className={`mgr-row activity-item activity-${cancelled ? 'cancelled' : phase.kind}`}>
      <div className="mgr-row-main">
        {/* Through <Phrases>: in Firefox a Japanese label or state breaks between phrases, never inside a word or a name. */}
        <span className="mgr-row-title activity-label">
          <Phrases text={label} whole={namesIn(named)} />
        </span>
        <span
          ref={state}
          tabIndex={-1}
          className={`activity-state mgr-focus-target${phase.kind === 'failed' && !cancelled ? ' error' : ''}`}
        >
          <Phrases text={cancelled ? i18n.t('activity_cancelled') : phaseWords(phase, !!deleting)} />
        </span>
      </div>
      <div className="activity-meta muted">
        {action.createdAt ? <When iso={action.createdAt} /> : null}
        {link ? (
          <>
            {action.createdAt ? ' · ' : null}
            <a href={link.href} target="_blank" rel="noreferrer" aria-label={link.name}>
              {link.text}
            </a>
          </>
        ) : null}
        {action.undoOf !== undefined ? (
          <span>
            {action.createdAt || link ? ' · ' : null}
            {i18n.t('activity_is_undo')}
          </span>
        ) : null}
      </div>
      {undoable ? (
        <ItemButton label={i18n.t('manager_undo')} name={i18n.t('activity_undo_label', [spoken])} onClick={press(() => onUndo(action))} />
      ) : null}
      {phase.kind === 'queued' && phase.awaitingPerson ? (
        <ItemButton label={i18n.t('activity_retry')} name={i18n.t('activity_retry_label', [spoken])} onClick={press(onRetry)} />
      ) : null}
      {!later && canRetry(action) ? (
        <ItemButton
          label={i18n.t('activity_retry')}
          name={i18n.t('activity_retry_label', [spoken])}
          onClick={press(() => onSendAgain(action))}
        />
      ) : null}
      {phase.kind === 'queued' ? (
        <ItemButton
          label={i18n.t('activity_cancel')}
          name={i18n.t('activity_cancel_label', [spoken])}
          onClick={press(() => onCancel(action))}
        />
      ) : null}
    </li>
  );
});

/** One of an activity row's buttons: its visible label, and an accessible name that starts with it and names the action. */
function ItemButton({ label, name, onClick }: { label: string; name: string; onClick: () => void }) {
  return (
    <button type="button" className="activity-undo" aria-label={name} onClick={onClick}>
      {label}
    </button>
  );
}

/** The names an action's words hold (its List's, the List's new name): <Phrases> breaks a row between them, not inside. */
function namesIn({ params }: Pick<ActionRow, 'params'>): string[] {
  const p: Partial<Record<string, unknown>> = typeof params === 'object' && params !== null ? params : {};
  return [p.listName, p.name].filter((n): n is string => typeof n === 'string' && n !== '');
}

/** The link to what an action was about, labelled by its kind: "View post", "View profile". */
function linkTo(
  action: ActionRow,
  label: string,
  goneLists: ReadonlySet<string>,
): { href: string; text: string; name: string } | undefined {
  const link = actedOnLink(action, goneLists);
  if (!link) return undefined;
  if (link.kind === 'post')
    return { href: link.href, text: i18n.t('activity_view_post'), name: i18n.t('activity_view_post_label', [label]) };
  if (link.kind === 'list')
    return { href: link.href, text: i18n.t('activity_view_list'), name: i18n.t('activity_view_list_label', [label]) };
  return { href: link.href, text: i18n.t('activity_view_profile'), name: i18n.t('activity_view_profile_label', [label]) };
}
